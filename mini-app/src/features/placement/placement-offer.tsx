// The home screen's offer of the placement check, shown once after onboarding: until the
// learner takes the check, says "Để sau", or finishes a lesson. It is part of the first screen,
// so it carries no question: those load with the check itself.
import { Button, useNavigate } from "zmp-ui";
import { useDeviceStore } from "../../app/device-store.ts";
import { progressStore } from "../../app/progress-store.ts";
import { strings } from "../../app/strings.ts";
import { placementStore } from "./placement-store.ts";

export const PLACEMENT_PATH = "/kiem-tra-nhanh";

export function PlacementOffer() {
  const placement = useDeviceStore(placementStore);
  const progress = useDeviceStore(progressStore);
  const navigate = useNavigate();
  const t = strings.placement;

  const learning = Object.values(progress).some((p) => p.completed);
  if (placement.result || placement.offerDismissed || learning) return null;

  return (
    <section className="notice placement-offer" aria-labelledby="placement-offer-heading">
      <h2 id="placement-offer-heading">{t.offerHeading}</h2>
      <p>{t.offerText}</p>
      <div className="stack">
        <Button fullWidth onClick={() => navigate(PLACEMENT_PATH)}>
          {t.start}
        </Button>
        <Button
          variant="secondary"
          fullWidth
          onClick={() => placementStore.set((state) => ({ ...state, offerDismissed: true }))}
        >
          {t.later}
        </Button>
      </div>
    </section>
  );
}
