// The Official Account parts of the web page: where webhook events go, each user's chat with
// the OA, and group chats. Forms post to the control API, which sends the webhook event and
// redirects back here, so a person can write "lich hoc" as a resident and, after a refresh,
// read the bot's answer.
import { isWithinCsWindow, CS_WINDOW_MS } from "../oa/interaction-window.ts";
import type { ConversationEntry, OaButton } from "../conversations.ts";
import type { SandboxStore, SandboxUser } from "../store.ts";
import type { OaIdentity } from "../webhook/events.ts";
import type { WebhookSender } from "../webhook/webhook-sender.ts";
import { html, type SafeHtml, type Section } from "./html.ts";
import type { PageNotes } from "./page-notes.ts";

export interface OaSectionDeps {
  store: SandboxStore;
  oa: OaIdentity;
  now: () => number;
  webhook: WebhookSender;
  notes: PageNotes;
}

export function officialAccountSection({ oa, webhook }: OaSectionDeps): Section {
  const target = webhook.url
    ? html`Webhook events go to <code>${webhook.url}</code>, signed with the OA secret key.`
    : html`<strong>No webhook URL is set</strong>: start the sandbox with <code>ZALO_SANDBOX_WEBHOOK_URL</code>;
until then the forms below send nothing.`;
  const body = html`<p>OA id <code>${oa.oaId}</code>, app id <code>${oa.appId}</code>.
CS messages: <code>POST /v3.0/oa/message/cs</code>, group messages: <code>POST /v3.0/oa/group/message</code>,
both with the <code>access_token</code> header.</p>
<p>${target}</p>`;
  return { id: "official-account", title: "Official Account", body };
}

export function conversationsSection(deps: OaSectionDeps): Section {
  const users = deps.store.listUsers();
  const body =
    users.length === 0
      ? html`<p>No users yet, so nobody to chat as.</p>`
      : html`<p class="note">Each user's chat with the OA, oldest first, in ward time (UTC+7). Refresh to see the bot's answers.
<a href="/">Refresh</a></p>
${users.map((u) => userChat(deps, u))}`;
  return { id: "conversations", title: "Conversations with the OA", body };
}

export function groupsSection(deps: OaSectionDeps): Section {
  const { store, notes } = deps;
  const groupIds = store.listGroupIds();
  const users = store.listUsers();
  const names = new Map(users.map((u) => [u.id, u.name]));
  const body =
    groupIds.length === 0
      ? html`<p>No group messages yet. Send one with <code>POST /sandbox/oa/groups/:groupId/messages</code>
(body <code>{"userId": "…", "text": "…"}</code>); the OA can post only in a group someone wrote in.</p>`
      : html`${groupIds.map((id) => {
          const note = notes.get(`group:${id}`);
          const entries = store.groupConversation(id) ?? [];
          return html`<section class="chat" id="oa-group-${id}">
<h3>Group <code>${id}</code></h3>
${note ? html`<p class="flash" role="status">${note}</p>` : ""}
<ol class="messages">${entries.map((e) => messageItem(e, e.userId ? (names.get(e.userId) ?? e.userId) : "OA"))}</ol>
${users.length > 0 ? groupForm(id, users) : ""}
</section>`;
        })}`;
  return { id: "groups", title: `Groups (${groupIds.length})`, body };
}

function userChat({ store, now, notes }: OaSectionDeps, user: SandboxUser): SafeHtml {
  const entries = store.userConversation(user.id);
  const note = notes.get(`user:${user.id}`);
  const last = entries.at(-1);
  const quickReplies = last?.direction === "oa→user" ? (last.buttons ?? []) : [];
  const base = `/sandbox/oa/users/${user.id}`;
  return html`<section class="chat" id="oa-user-${user.id}">
<h3>${user.name} <small>OA-scoped id <code>${user.oaUserId}</code></small></h3>
<p class="note">${user.followsOa ? "Follows the OA" : "Does not follow the OA"} · ${windowText(user, now())}</p>
${note ? html`<p class="flash" role="status">${note}</p>` : ""}
${
  entries.length === 0
    ? html`<p class="note">Nothing said yet.</p>`
    : html`<ol class="messages">${entries.map((e) => messageItem(e, e.direction === "user→oa" ? user.name : "OA"))}</ol>`
}
${quickReplies.length > 0 ? quickRepliesBlock(base, quickReplies) : ""}
<form method="post" action="${base}/messages" class="write">
<label>Write as ${user.name} <input name="text" required maxlength="2000" autocomplete="off"></label>
<button type="submit">Send</button>
</form>
<form method="post" action="${base}/${user.followsOa ? "unfollow" : "follow"}" class="inline">
<button type="submit">${user.followsOa ? "Unfollow the OA" : "Follow the OA"}</button>
</form>
</section>`;
}

function messageItem(entry: ConversationEntry, who: string): SafeHtml {
  const fromOa = entry.direction !== "user→oa";
  return html`<li class="${fromOa ? "from-oa" : "from-user"}">
<span class="who">${who}</span> <time datetime="${entry.at}">${wardTime(entry.at)}</time>
<p class="text">${entry.text}</p>
${entry.buttons?.length ? html`<ul class="buttons">${entry.buttons.map(buttonItem)}</ul>` : ""}
</li>`;
}

function buttonItem(button: OaButton): SafeHtml {
  return html`<li>${button.title} <small>(${button.type}: ${payloadText(button)})</small></li>`;
}

function quickRepliesBlock(base: string, buttons: OaButton[]): SafeHtml {
  return html`<div class="quick-replies"><span class="note">Quick replies:</span> ${buttons.map((b) => quickReply(base, b))}</div>`;
}

/** A query button sends its payload as the user's text; a URL button is just a link. */
function quickReply(base: string, button: OaButton): SafeHtml {
  if (typeof button.payload === "string") {
    return html`<form method="post" action="${base}/press" class="inline">
<input type="hidden" name="payload" value="${button.payload}"><button type="submit">${button.title}</button>
</form>`;
  }
  return /^https?:\/\//i.test(button.payload.url)
    ? html`<a class="button" href="${button.payload.url}" target="_blank" rel="noopener noreferrer">${button.title}</a>`
    : html`<span>${button.title}</span>`;
}

function groupForm(groupId: string, users: SandboxUser[]): SafeHtml {
  return html`<form method="post" action="/sandbox/oa/groups/${groupId}/messages" class="write">
<label>As <select name="userId">${users.map((u) => html`<option value="${u.id}">${u.name}</option>`)}</select></label>
<label>write <input name="text" required maxlength="2000" autocomplete="off"></label>
<button type="submit">Send</button>
</form>`;
}

function payloadText(button: OaButton): string {
  return typeof button.payload === "string" ? button.payload : button.payload.url;
}

function windowText(user: SandboxUser, now: number): string {
  if (user.lastInteractionAt === null) return "never interacted: CS messages answer -230";
  const closes = new Date(Date.parse(user.lastInteractionAt) + CS_WINDOW_MS).toISOString();
  return isWithinCsWindow(user, now)
    ? `CS window open until ${wardTime(closes)}`
    : `CS window closed at ${wardTime(closes)}: CS messages answer -230`;
}

/** Ward time (Asia/Ho_Chi_Minh, UTC+7 all year), e.g. "2026-11-29 19:05". */
function wardTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
}
