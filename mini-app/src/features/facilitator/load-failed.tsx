// What a facilitator screen shows when the server could not be read: the reason as an alert,
// and "Thử lại" when there is something to try again (a refresh that failed keeps the last
// answer on screen and tries again by itself, so it shows the reason only).
import { Button } from "zmp-ui";
import { strings } from "../../app/strings.ts";

export function LoadFailed({
  reason,
  onRetry,
  variant = "primary",
}: {
  reason: string;
  onRetry?: () => void;
  variant?: "primary" | "secondary";
}) {
  return (
    <>
      <p className="note" role="alert">
        {strings.facilitator.loadFailed(reason)}
      </p>
      {onRetry && (
        <Button variant={variant} fullWidth onClick={onRetry}>
          {strings.facilitator.retry}
        </Button>
      )}
    </>
  );
}

/** Before the first answer: "Đang tải…", or why it failed with "Thử lại". */
export function FirstLoad({ problem, onRetry }: { problem: string | null; onRetry: () => void }) {
  return problem ? <LoadFailed reason={problem} onRetry={onRetry} /> : <p role="status">{strings.loading}</p>;
}
