// "/huong-dan/nhat-ky", Nhật ký thao tác: every privileged action, newest first, each as one plain
// sentence (audit-sentence.ts); "Xem thêm" reads the next page. Policy "audit:view" (the ward
// office); the server checks it again.
import { useEffect, useState } from "react";
import { Button } from "zmp-ui";
import type { StaffMe } from "@hocso/shared/announcements";
import type { AuditEntry } from "@hocso/shared/staff-admin";
import { messageOf } from "../../app/api-client.ts";
import { AppPage } from "../../app/layout.tsx";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { FirstLoad, LoadFailed } from "../facilitator/load-failed.tsx";
import { STAFF_HOME_PATH } from "../facilitator/paths.ts";
import { StaffGate } from "../facilitator/staff-gate.tsx";
import { getAudit } from "./api/get-audit.ts";
import { auditSentence } from "./audit-sentence.ts";
import { tdpNamesOf } from "./role-text.ts";
import "./staff-admin.css";

/** entries per page: a screenful or two on a phone */
const PAGE_SIZE = 30;

export function AuditPage() {
  return (
    <AppPage title={strings.facilitator.areaTitle} backTo={STAFF_HOME_PATH}>
      <h1>{strings.staffAdmin.auditHeading}</h1>
      <StaffGate>{(staff) => <AuditLog staff={staff} />}</StaffGate>
    </AppPage>
  );
}

interface Loaded {
  entries: AuditEntry[];
  nextBefore: number | null;
}

function AuditLog({ staff }: { staff: StaffMe }) {
  const t = strings.staffAdmin;
  const [log, setLog] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreProblem, setMoreProblem] = useState<string | null>(null);
  const names = tdpNamesOf(staff.tdps);
  const allowed = staff.policies.includes("audit:view");

  useEffect(() => {
    if (!allowed) return;
    let current = true;
    withSession((token) => getAudit(token, null, PAGE_SIZE)).then(
      (page) => current && setLog(page),
      (error: unknown) => current && setProblem(messageOf(error)),
    );
    return () => {
      current = false;
    };
  }, [attempt, allowed]);

  if (!allowed) return <p className="note">{t.auditNotAllowed}</p>;
  if (log === null) {
    return (
      <FirstLoad
        problem={problem}
        onRetry={() => {
          setProblem(null);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }

  async function more() {
    if (log === null || log.nextBefore === null) return;
    setLoadingMore(true);
    setMoreProblem(null);
    try {
      const page = await withSession((token) => getAudit(token, log.nextBefore, PAGE_SIZE));
      setLog({ entries: [...log.entries, ...page.entries], nextBefore: page.nextBefore });
    } catch (error) {
      setMoreProblem(messageOf(error));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <>
      <p className="lead">{t.auditIntro}</p>
      {log.entries.length === 0 && <p>{t.auditNone}</p>}
      <ol className="audit-list">
        {log.entries.map((entry) => (
          <li key={entry.id}>{auditSentence(entry, names)}</li>
        ))}
      </ol>
      {moreProblem && <LoadFailed reason={moreProblem} />}
      {log.nextBefore !== null && (
        <Button variant="secondary" fullWidth loading={loadingMore} onClick={() => void more()}>
          {t.more}
        </Button>
      )}
      <div role="status">{log.nextBefore === null && log.entries.length > 0 && <p className="muted">{t.auditEnd}</p>}</div>
    </>
  );
}
