// The sandbox control API for users (ours, not Zalo's). A mini app running in a desktop
// browser calls it directly, in place of zmp-sdk's getAccessToken(), so it allows any origin.
import { Router, type RequestHandler } from "express";
import { z } from "zod";
import { USER_TOKEN_TTL_SECONDS, type SandboxStore, type SandboxUser } from "../store.ts";
import { ControlError, fieldProblems } from "./control-error.ts";

const CreateUserSchema = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
});

export const allowAnyOrigin: RequestHandler = (req, res, next) => {
  res.set("Access-Control-Allow-Origin", "*");
  res.set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
  res.set("Access-Control-Allow-Headers", "Content-Type");
  res.set("Access-Control-Max-Age", "600");
  if (req.method === "OPTIONS") {
    res.status(204).end();
    return;
  }
  next();
};

export function userRoutes(store: SandboxStore): Router {
  const router = Router();

  router.get("/users", (_req, res) => {
    res.json({ users: store.listUsers() });
  });

  router.post("/users", (req, res) => {
    const parsed = CreateUserSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw new ControlError(400, "bad_request", "Invalid user", fieldProblems(parsed.error));
    const user = store.createUser(parsed.data.name);
    res.status(201).json(tokenAnswer(store, user));
  });

  router.post("/users/:id/tokens", (req, res) => {
    const user = store.findUser(req.params.id);
    if (!user) throw new ControlError(404, "not_found", `No sandbox user ${req.params.id}`);
    res.status(201).json(tokenAnswer(store, user));
  });

  router.get("/avatars/:file", (req, res) => {
    const user = store.findUser(req.params.file.replace(/\.svg$/, ""));
    if (!user) throw new ControlError(404, "not_found", "No such avatar");
    res.type("image/svg+xml").send(avatarSvg(user));
  });

  return router;
}

function tokenAnswer(store: SandboxStore, user: SandboxUser) {
  const issued = store.issueToken(user.id);
  return {
    user: { id: user.id, name: user.name, oaUserId: user.oaUserId, followsOa: user.followsOa },
    accessToken: issued.token,
    expiresIn: USER_TOKEN_TTL_SECONDS,
  };
}

/** A plain circle with the name's first letter, standing in for a Zalo avatar URL. */
function avatarSvg(user: SandboxUser): string {
  const initial = [...user.name.trim()][0]?.toUpperCase() ?? "?";
  const safe = initial.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120"><circle cx="60" cy="60" r="60" fill="#0b57d0"/><text x="60" y="78" font-size="52" text-anchor="middle" fill="#fff" font-family="sans-serif">${safe}</text></svg>`;
}
