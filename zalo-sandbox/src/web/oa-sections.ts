// The Official Account parts of the web page: where webhook events go, each user's chat with
// the OA (Mini App notifications included), and group chats. Forms post to the control API,
// which sends the webhook event and redirects back here, so a person can write "lich hoc" as a
// resident and, after a refresh, read the bot's answer. Times are Vietnam time.
import { isWithinCsWindow, CS_WINDOW_MS } from "../oa/interaction-window.ts";
import type { ConversationEntry, MiniAppNotification, OaButton } from "../conversations.ts";
import type { SandboxGroup } from "../groups.ts";
import type { SandboxStore, SandboxUser } from "../store.ts";
import type { OaIdentity } from "../webhook/events.ts";
import type { WebhookSender } from "../webhook/webhook-sender.ts";
import { html, type SafeHtml, type Section } from "./html.ts";
import type { PageNotes } from "./page-notes.ts";
import { vietnamTime } from "./vietnam-time.ts";

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
group lists and histories: <code>GET /v3.0/oa/group/getgroupsofoa</code>, <code>GET /v3.0/oa/group/conversation</code>,
all with the <code>access_token</code> header; new tokens from <code>POST /v4/oa/access_token</code>.</p>
<p>${target}</p>`;
  return { id: "official-account", title: "Official Account", body };
}

export function conversationsSection(deps: OaSectionDeps): Section {
  const users = deps.store.listUsers();
  const body =
    users.length === 0
      ? html`<p>No users yet, so nobody to chat as.</p>`
      : html`<p class="note">Each user's chat with the OA and their Mini App notifications, oldest first, in Vietnam time. Refresh to see the bot's answers.
<a href="/">Refresh</a></p>
${users.map((u) => userChat(deps, u))}`;
  return { id: "conversations", title: "Conversations with the OA", body };
}

export function groupsSection(deps: OaSectionDeps): Section {
  const { store } = deps;
  const groups = store.listGroups();
  const users = store.listUsers();
  const body =
    groups.length === 0
      ? html`<p>No groups yet. Register one with <code>PUT /sandbox/oa/groups/:groupId</code> (body <code>{"name": "…"}</code>),
or write in one as a member with <code>POST /sandbox/oa/groups/:groupId/messages</code> (body <code>{"userId": "…", "text": "…"}</code>).</p>`
      : html`<p class="note">Each group's messages, oldest first, in Vietnam time.</p>
${groups.map((g) => groupChat(deps, g, users))}`;
  return { id: "groups", title: `Groups (${groups.length})`, body };
}

function groupChat({ store, notes }: OaSectionDeps, group: SandboxGroup, users: SandboxUser[]): SafeHtml {
  const names = new Map(users.map((u) => [u.id, u.name]));
  const note = notes.get(`group:${group.groupId}`);
  const entries = store.groupConversation(group.groupId);
  const open = group.oaInGroup && group.status === "enabled";
  return html`<section class="chat" id="oa-group-${group.groupId}">
<h3>${group.name} <small>group id <code>${group.groupId}</code></small></h3>
<p class="note">${group.status === "enabled" ? "Enabled" : "Disabled: GMF answers -237"} ·
${group.oaInGroup ? "the OA is in the group" : "the OA is not in the group: GMF answers -403"}</p>
${note ? html`<p class="flash" role="status">${note}</p>` : ""}
${
  entries.length === 0
    ? html`<p class="note">Nothing said yet.</p>`
    : html`<ol class="messages">${entries.map((e) => messageItem(e, e.userId ? (names.get(e.userId) ?? e.userId) : "OA"))}</ol>`
}
${open && users.length > 0 ? groupForm(group.groupId, users) : ""}
</section>`;
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
    : html`<ol class="messages">${entries.map((e) => messageItem(e, speaker(e, user)))}</ol>`
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

function speaker(entry: ConversationEntry, user: SandboxUser): string {
  if (entry.direction === "user→oa") return user.name;
  return entry.direction === "miniapp→user" ? "Mini App notification" : "OA";
}

function messageItem(entry: ConversationEntry, who: string): SafeHtml {
  const fromOa = entry.direction !== "user→oa";
  return html`<li class="${fromOa ? "from-oa" : "from-user"}">
<span class="who">${who}</span> <time datetime="${entry.at}">${vietnamTime(entry.at)}</time>
<p class="text">${entry.text}</p>
${entry.buttons?.length ? html`<ul class="buttons">${entry.buttons.map(buttonItem)}</ul>` : ""}
${entry.notification ? notificationDetails(entry.notification) : ""}
</li>`;
}

function notificationDetails(n: MiniAppNotification): SafeHtml {
  const button =
    n.buttonText && n.buttonUrl && /^https?:\/\//i.test(n.buttonUrl)
      ? html` · <a href="${n.buttonUrl}" target="_blank" rel="noopener noreferrer">${n.buttonText}</a>`
      : n.buttonText
        ? html` · ${n.buttonText}`
        : "";
  return html`<p class="note">template <code>${n.templateId}</code>${button}</p>`;
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
    ? `CS window open until ${vietnamTime(closes)}`
    : `CS window closed at ${vietnamTime(closes)}: CS messages answer -230`;
}
