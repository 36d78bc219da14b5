// The privacy notice in plain words (DOMAIN.md §5.2): who manages the data, what is kept,
// what is never asked, what it is for, and where the learner's rights live.
import { strings } from "../app/strings.ts";

export function PrivacyNotice({ controller, headingLevel = 2 }: { controller: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = strings.notice;
  return (
    <section className="notice" aria-label={t.heading}>
      <Heading>{t.heading}</Heading>
      <p>{t.controller(controller)}</p>
      <p>{t.stored}</p>
      <p>
        <strong>{t.neverAsked}</strong>
      </p>
      <p>{t.purposesIntro}</p>
      <ol>
        {t.purposes.map((purpose) => (
          <li key={purpose}>{purpose}</li>
        ))}
      </ol>
      <p>{t.rights}</p>
      <p>{t.withoutConsent}</p>
    </section>
  );
}
