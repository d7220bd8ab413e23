import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { readDeclaredFile, type DeclaredFile } from './declared';

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * 对照申报表: a second .xlsx holding the 项目支出绩效目标申报表; its declarations are compared with the
 * self-evaluation on the next 校验. The file's text is shown only as React text.
 */
export function DeclarationPicker({ onPicked }: { onPicked: (d: DeclaredFile | null) => void }) {
  const styles = useStyles();
  const [picked, setPicked] = useState<DeclaredFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setReading(file.name);
    setError(null);
    try {
      const d = await readDeclaredFile(file.name, await file.arrayBuffer());
      setPicked(d);
      onPicked(d);
    } catch (e) {
      setPicked(null);
      onPicked(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setReading(null);
    }
  };

  return (
    <>
      <label>
        对照申报表：{' '}
        <input
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void pick(e.target.files?.[0])}
          data-testid="declared-input"
        />
      </label>
      <span className={styles.note} role="status" data-testid="declared-name">
        {reading ? `正在读取 ${reading}…` : picked ? `${picked.name}（${picked.forms.length} 张申报表，下次校验时对照）` : ''}
      </span>
      {error && (
        <span className={styles.error} role="alert" data-testid="declared-error">
          {error}
        </span>
      )}
    </>
  );
}
