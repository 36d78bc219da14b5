// The app's composition root: providers, the router with its five screens, and the compiled
// course from the content package. Features never import each other; this file wires them.
import { lazy, Suspense, useEffect, type ReactNode } from "react";
import { AnimationRoutes, App as ZaloApp, Button, Route, SnackbarProvider, useNavigate, ZMPRouter } from "zmp-ui";
import { catalog } from "@hocso/content/catalog";
import { loadLesson } from "@hocso/content/lesson-loaders";
import { ward } from "@hocso/content/ward";
import { LessonPlayerPage } from "../features/lessons/lesson-player-page.tsx";
import { LessonsHome } from "../features/lessons/lessons-home.tsx";
import { ProfilePage } from "../features/onboarding/profile-page.tsx";
import { WelcomePage } from "../features/onboarding/welcome-page.tsx";
import { ContinueCard } from "../features/progress/continue-card.tsx";
import { ReviewCard } from "../features/review/review-card.tsx";
import { PlacementOffer } from "../features/placement/placement-offer.tsx";
import { placementStore } from "../features/placement/placement-store.ts";
import { CourseProvider, type Course } from "./course.tsx";
import { useDeviceStore } from "./device-store.ts";
import { followDisplaySettings } from "./display-store.ts";
import { env } from "./env.ts";
import { AppPage } from "./layout.tsx";
import { learnerStore, mayUseServer } from "./learner-store.ts";
import { loadLearnerRules, startSync } from "./sync.ts";
import { strings } from "./strings.ts";

const course: Course = { catalog, ward, loadLesson };

// The quiz needs shared/learner (and with it zod's full API): not part of the first screen.
const loadQuizPage = () => import("../features/quiz/quiz-page.tsx");
const QuizPage = lazy(() => loadQuizPage().then((m) => ({ default: m.QuizPage })));

// The learning aids' screens load on demand too, so the first screen does not grow with them.
const PlacementPage = lazy(() =>
  import("../features/placement/placement-page.tsx").then((m) => ({ default: m.PlacementPage })),
);
const DisplaySettingsPage = lazy(() =>
  import("../features/settings/display-settings-page.tsx").then((m) => ({ default: m.DisplaySettingsPage })),
);
const CertificationPage = lazy(() =>
  import("../features/certification/certification-page.tsx").then((m) => ({ default: m.CertificationPage })),
);

// Review, the TDP's classes and Dữ liệu của tôi load on demand as well.
const loadReviewPage = () => import("../features/review/review-page.tsx");
const loadClassesPage = () => import("../features/classes/classes-page.tsx");
const ReviewPage = lazy(() => loadReviewPage().then((m) => ({ default: m.ReviewPage })));
const ClassesPage = lazy(() => loadClassesPage().then((m) => ({ default: m.ClassesPage })));
const RemindersPage = lazy(() =>
  import("../features/classes/reminders-page.tsx").then((m) => ({ default: m.RemindersPage })),
);
const MyDataPage = lazy(() => import("../features/privacy/my-data-page.tsx").then((m) => ({ default: m.MyDataPage })));

// The facilitator's screens (người hướng dẫn) and their home entry load only for those who need them.
const FacilitatorEntry = lazy(() =>
  import("../features/facilitator/facilitator-entry.tsx").then((m) => ({ default: m.FacilitatorEntry })),
);
const AnnouncementsPage = lazy(() =>
  import("../features/facilitator/announcements-page.tsx").then((m) => ({ default: m.AnnouncementsPage })),
);
const ComposerPage = lazy(() =>
  import("../features/facilitator/composer/composer-page.tsx").then((m) => ({ default: m.ComposerPage })),
);
const ReportPage = lazy(() => import("../features/facilitator/report-page.tsx").then((m) => ({ default: m.ReportPage })));
const ClassRemindersPage = lazy(() =>
  import("../features/facilitator/class-reminders-page.tsx").then((m) => ({ default: m.ClassRemindersPage })),
);

// Issue 7's staff screens: classes and attendance, needs-help, classroom mode, the ward's
// figures and report, roles and the audit log; and the resident's class check-in.
const page = <K extends string>(load: () => Promise<Record<K, () => JSX.Element>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
const StaffHomePage = page(() => import("../features/facilitator/staff-home-page.tsx"), "StaffHomePage");
const ClassListPage = page(() => import("../features/class-management/class-list-page.tsx"), "ClassListPage");
const ClassFormPage = page(() => import("../features/class-management/class-form-page.tsx"), "ClassFormPage");
const ClassPage = page(() => import("../features/class-management/class-page.tsx"), "ClassPage");
const MeetingPage = page(() => import("../features/class-management/meeting-page.tsx"), "MeetingPage");
const CheckInPage = page(() => import("../features/classes/check-in-page.tsx"), "CheckInPage");
const NeedsHelpPage = page(() => import("../features/needs-help/needs-help-page.tsx"), "NeedsHelpPage");
const ClassroomPage = page(() => import("../features/classroom/classroom-page.tsx"), "ClassroomPage");
const DashboardPage = page(() => import("../features/ward-report/dashboard-page.tsx"), "DashboardPage");
const StaffAdminPage = page(() => import("../features/staff-admin/staff-admin-page.tsx"), "StaffAdminPage");
const AuditPage = page(() => import("../features/staff-admin/audit-page.tsx"), "AuditPage");
const AcceptInvitationPage = page(
  () => import("../features/staff-admin/accept-invitation-page.tsx"),
  "AcceptInvitationPage",
);

// Text size and contrast apply before the first paint, and follow every change.
followDisplaySettings();

/** Routes, at most three levels deep: home → lesson → quiz. */
export function AppRoutes() {
  return (
    <AnimationRoutes>
      <Route path="/" element={<HomeRoute />} />
      <Route path="/thong-tin" element={<ProfilePage />} />
      <Route path="/bai/:lessonId" element={<LessonPlayerPage />} />
      <Route
        path="/bai/:lessonId/cau-hoi"
        element={
          <Suspense fallback={<LoadingPage />}>
            <QuizPage />
          </Suspense>
        }
      />
      <Route path="/du-lieu-cua-toi" element={<Lazy page={<MyDataPage />} />} />
      <Route path="/on-tap" element={<Lazy page={<ReviewPage />} />} />
      <Route path="/lop-hoc" element={<Lazy page={<ClassesPage />} />} />
      <Route path="/lop-hoc/nhac-lich" element={<Lazy page={<RemindersPage />} />} />
      <Route path="/kiem-tra-nhanh" element={<Lazy page={<PlacementPage />} />} />
      <Route path="/co-chu-va-mau" element={<Lazy page={<DisplaySettingsPage />} />} />
      <Route path="/thi-chung-nhan" element={<Lazy page={<CertificationPage />} />} />
      <Route path="/huong-dan" element={<Lazy page={<StaffHomePage />} />} />
      <Route path="/huong-dan/lop-hoc" element={<Lazy page={<ClassListPage />} />} />
      <Route path="/huong-dan/lop-hoc/moi" element={<Lazy page={<ClassFormPage />} />} />
      <Route path="/huong-dan/lop-hoc/:classId" element={<Lazy page={<ClassPage />} />} />
      <Route path="/huong-dan/lop-hoc/:classId/sua" element={<Lazy page={<ClassFormPage />} />} />
      <Route path="/huong-dan/lop-hoc/:classId/buoi/:date" element={<Lazy page={<MeetingPage />} />} />
      <Route path="/huong-dan/can-ho-tro" element={<Lazy page={<NeedsHelpPage />} />} />
      <Route path="/huong-dan/che-do-lop-hoc" element={<Lazy page={<ClassroomPage />} />} />
      <Route path="/huong-dan/che-do-lop-hoc/:lessonId" element={<Lazy page={<ClassroomPage />} />} />
      <Route path="/huong-dan/so-lieu" element={<Lazy page={<DashboardPage />} />} />
      <Route path="/huong-dan/phan-quyen" element={<Lazy page={<StaffAdminPage />} />} />
      <Route path="/huong-dan/nhat-ky" element={<Lazy page={<AuditPage />} />} />
      <Route path="/nhan-vai-tro" element={<Lazy page={<AcceptInvitationPage />} />} />
      <Route path="/diem-danh" element={<Lazy page={<CheckInPage />} />} />
      <Route path="/huong-dan/thong-bao" element={<Lazy page={<AnnouncementsPage />} />} />
      <Route path="/huong-dan/thong-bao/moi" element={<Lazy page={<ComposerPage />} />} />
      <Route path="/huong-dan/thong-bao/:id" element={<Lazy page={<ReportPage />} />} />
      <Route path="/huong-dan/nhac-lich" element={<Lazy page={<ClassRemindersPage />} />} />
      <Route path="*" element={<NotFoundPage />} />
    </AnimationRoutes>
  );
}

function HomeRoute() {
  const learner = useDeviceStore(learnerStore);
  const suggested = useDeviceStore(placementStore).result?.suggested ?? null;
  // Only an account on the server can be staff: without the progress consent nobody asks.
  const staffEntry = mayUseServer(learner) ? (
    <Suspense fallback={null}>
      <FacilitatorEntry />
    </Suspense>
  ) : null;
  return learner.onboarded ? (
    <LessonsHome
      staffEntry={staffEntry}
      continueCard={
        <>
          <ContinueCard />
          <ReviewCard />
        </>
      }
      placementOffer={<PlacementOffer />}
      suggestedModule={suggested}
    />
  ) : (
    <WelcomePage />
  );
}

function Lazy({ page }: { page: ReactNode }) {
  return <Suspense fallback={<LoadingPage />}>{page}</Suspense>;
}

function LoadingPage() {
  return (
    <AppPage title={strings.appName}>
      <p role="status">{strings.loading}</p>
    </AppPage>
  );
}

function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <AppPage title={strings.appName} backTo="/">
      <h1>{strings.notFound.heading}</h1>
      <Button fullWidth onClick={() => navigate("/", { replace: true })}>
        {strings.notFound.home}
      </Button>
    </AppPage>
  );
}

/** The outbox goes out at start, on every new event, when back online and every 30 s (sync.ts). */
function useSyncWhenOnline(): void {
  useEffect(() => {
    loadLearnerRules().catch((error: unknown) => console.warn("consent rules not loaded yet", error));
    return startSync();
  }, []);
}

/**
 * Screens a learner uses offline (the quiz after a lesson, review, the cached class list) are
 * fetched right after the first screen is drawn, so that losing the connection mid-lesson does
 * not leave them unloadable in a browser. Inside Zalo the files are on the phone anyway.
 */
function usePreloadOfflineScreens(): void {
  useEffect(() => {
    const timer = window.setTimeout(() => {
      for (const load of [loadQuizPage, loadReviewPage, loadClassesPage]) load().catch(() => undefined);
    }, 0);
    return () => window.clearTimeout(timer);
  }, []);
}

/**
 * A production build outside /zapps/<id>/ (e.g. `vite preview` at /) would match no route under
 * ZMPRouter's basename; an in-memory router keeps it usable there.
 */
const routeInMemory = env.isProductionBuild && !/^\/zapps\/[^/]+/.test(window.location.pathname);

export function App() {
  useSyncWhenOnline();
  usePreloadOfflineScreens();
  useEffect(() => {
    // "Tôi đã được xác nhận" saved while offline goes now; its code loads only for a learner
    // who may use the server at all
    if (!mayUseServer(learnerStore.get())) return;
    void import("../features/certification/certification-store.ts").then((m) => m.sendCertificationIfAllowed());
  }, []);
  return (
    <ZaloApp theme="light">
      <SnackbarProvider>
        <CourseProvider course={course}>
          <ZMPRouter memoryRouter={routeInMemory}>
            <AppRoutes />
          </ZMPRouter>
        </CourseProvider>
      </SnackbarProvider>
    </ZaloApp>
  );
}
