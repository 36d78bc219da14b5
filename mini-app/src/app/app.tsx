// The app's composition root: providers, the router with its five screens, and the compiled
// course from the content package. Features never import each other; this file wires them.
import { lazy, Suspense, useEffect } from "react";
import { AnimationRoutes, App as ZaloApp, Button, Route, SnackbarProvider, useNavigate, ZMPRouter } from "zmp-ui";
import { catalog } from "@hocso/content/catalog";
import { loadLesson } from "@hocso/content/lesson-loaders";
import { ward } from "@hocso/content/ward";
import { LessonPlayerPage } from "../features/lessons/lesson-player-page.tsx";
import { LessonsHome } from "../features/lessons/lessons-home.tsx";
import { ProfilePage } from "../features/onboarding/profile-page.tsx";
import { WelcomePage } from "../features/onboarding/welcome-page.tsx";
import { MyDataPage } from "../features/privacy/my-data-page.tsx";
import { ContinueCard } from "../features/progress/continue-card.tsx";
import { CourseProvider, type Course } from "./course.tsx";
import { useDeviceStore } from "./device-store.ts";
import { env } from "./env.ts";
import { AppPage } from "./layout.tsx";
import { learnerStore } from "./learner-store.ts";
import { loadLearnerRules, syncOnStart } from "./sync.ts";
import { strings } from "./strings.ts";

const course: Course = { catalog, ward, loadLesson };

// The quiz needs shared/learner (and with it zod's full API): not part of the first screen.
const QuizPage = lazy(() => import("../features/quiz/quiz-page.tsx").then((m) => ({ default: m.QuizPage })));

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
      <Route path="/du-lieu-cua-toi" element={<MyDataPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </AnimationRoutes>
  );
}

function HomeRoute() {
  const { onboarded } = useDeviceStore(learnerStore);
  return onboarded ? <LessonsHome continueCard={<ContinueCard />} /> : <WelcomePage />;
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

function useSyncWhenOnline(): void {
  useEffect(() => {
    const sync = () => void syncOnStart();
    sync();
    loadLearnerRules().catch((error: unknown) => console.warn("consent rules not loaded yet", error));
    window.addEventListener("online", sync);
    return () => window.removeEventListener("online", sync);
  }, []);
}

/**
 * A production build outside /zapps/<id>/ (e.g. `vite preview` at /) would match no route under
 * ZMPRouter's basename; an in-memory router keeps it usable there.
 */
const routeInMemory = env.isProductionBuild && !/^\/zapps\/[^/]+/.test(window.location.pathname);

export function App() {
  useSyncWhenOnline();
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
