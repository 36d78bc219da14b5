// The home screen's "Ôn lại (N câu)" card, shown only when some questions are due again.
import { useId } from "react";
import { useNavigate } from "zmp-ui";
import { useDeviceStore } from "../../app/device-store.ts";
import { dueReviewItems, reviewStore } from "../../app/review-store.ts";
import { strings } from "../../app/strings.ts";

export function ReviewCard() {
  const items = useDeviceStore(reviewStore);
  const navigate = useNavigate();
  const hintId = useId();
  const due = dueReviewItems(items).length;
  if (due === 0) return null;
  const t = strings.review;
  return (
    <button
      type="button"
      className="tile tile-review"
      aria-label={t.homeCard(due)}
      aria-describedby={hintId}
      onClick={() => navigate("/on-tap")}
    >
      <span className="tile-text">
        <span className="tile-title" aria-hidden="true">
          {t.homeCard(due)}
        </span>
        <span id={hintId} className="tile-meta">
          {t.homeCardHint}
        </span>
      </span>
      <span className="tile-arrow" aria-hidden="true">
        ›
      </span>
    </button>
  );
}
