import { balanceBidi, messageParts } from '../../core';

/**
 * Text from the sheet on its own (a project, a sheet name, a cell's value): in a `<bdi>`, so that a right-to-left
 * override or Arabic letters in it cannot reorder what the pane shows around it, with its bidi controls paired so that
 * none reaches past the element. Always a text node, never HTML.
 */
export function SheetText({ text }: { readonly text: string }) {
  return <bdi data-sheet-text="">{balanceBidi(text)}</bdi>;
}

/**
 * A message that may hold isolated sheet text (core's `isolate`: FSI … PDI): each isolated piece in its own `<bdi>`,
 * the rest as text.
 */
export function MessageText({ text }: { readonly text: string }) {
  const parts = messageParts(text);
  if (parts.length === 1 && !parts[0].isolated) return <>{text}</>;
  return (
    <>
      {parts.map((p, i) => (p.isolated ? <SheetText key={i} text={p.text} /> : p.text))}
    </>
  );
}
