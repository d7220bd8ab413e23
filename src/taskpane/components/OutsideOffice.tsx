import { FluentProvider, Link, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { strings } from '../../app';
import type { Lang } from '../../core';

const useStyles = makeStyles({
  root: { maxWidth: '44em', margin: '0 auto', padding: tokens.spacingHorizontalXL, lineHeight: tokens.lineHeightBase400 },
  section: { marginBottom: tokens.spacingVerticalXXL },
  h1: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalM}` },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` },
  h3: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
});

function Section({ lang }: { lang: Lang }) {
  const s = strings(lang).outside;
  const styles = useStyles();
  return (
    <section lang={lang} className={styles.section} data-testid={`outside-${lang}`}>
      <h1 className={styles.h1}>{s.title}</h1>
      <p>{s.what}</p>
      <h2 className={styles.h2}>{s.howTitle}</h2>
      <h3 className={styles.h3}>{s.sideloadTitle}</h3>
      <ol>
        {s.sideloadSteps.map((step, i) => (
          <li key={i}>
            {i === 0 ? (
              <Link href="manifest.xml" download>
                {step}
              </Link>
            ) : (
              step
            )}
          </li>
        ))}
      </ol>
      <h3 className={styles.h3}>{s.adminTitle}</h3>
      <ol>
        {s.adminSteps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
      <h3 className={styles.h3}>{s.otherTitle}</h3>
      <p>{s.other}</p>
    </section>
  );
}

/** What the pane shows when opened in a plain browser: what Ziping is and how to install it. */
export function OutsideOffice({ lang = 'zh-CN' }: { lang?: Lang }) {
  const styles = useStyles();
  const order: Lang[] = lang === 'en-US' ? ['en-US', 'zh-CN'] : ['zh-CN', 'en-US'];
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} data-testid="outside-office">
        {order.map((l) => (
          <Section key={l} lang={l} />
        ))}
      </main>
    </FluentProvider>
  );
}
