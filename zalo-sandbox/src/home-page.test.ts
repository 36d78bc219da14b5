// The sandbox's web page over real HTTP: readable, and safe whatever a user is called.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./sandbox.ts";
import { startWebhookReceiver, type WebhookReceiver } from "./testing/webhook-receiver.ts";

let running: RunningSandbox;

beforeAll(async () => {
  running = await startSandbox({ port: 0, appId: "test-app", appSecret: "s" });
});
afterAll(() => running.close());

describe("sandbox home page", () => {
  it("says there are no users yet on a fresh sandbox", async () => {
    const res = await fetch(`${running.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain("Zalo sandbox");
    expect(page).toContain("No users yet");
  });

  it("lists each user with their id and escapes names instead of running them", async () => {
    const created = await fetch(`${running.url}/sandbox/users`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: `<script>alert("x")</script> Bà Năm` }),
    });
    const { user } = (await created.json()) as { user: { id: string } };
    const page = await (await fetch(`${running.url}/`)).text();
    expect(page).toContain(user.id);
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Bà Năm");
    expect(page).not.toContain("<script>");
  });
});

describe("sandbox home page: conversations with the OA", () => {
  let chat: RunningSandbox;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    chat = await startSandbox({ port: 0, appId: "test-app", appSecret: "s", webhookUrl: receiver.url });
  });
  afterAll(async () => {
    await chat.close();
    await receiver.close();
  });

  async function newUser(name: string): Promise<{ id: string; oaUserId: string }> {
    const res = await fetch(`${chat.url}/sandbox/users`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name }),
    });
    return ((await res.json()) as { user: { id: string; oaUserId: string } }).user;
  }

  /** What the page's forms do: a plain urlencoded POST, not following the redirect. */
  function submitForm(path: string, fields: Record<string, string>): Promise<Response> {
    return fetch(`${chat.url}${path}`, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });
  }

  async function oaAnswers(oaUserId: string, message: unknown): Promise<void> {
    const res = await fetch(`${chat.url}/v3.0/oa/message/cs`, {
      method: "POST",
      headers: { "Content-Type": "application/json", access_token: "hocso-sandbox-oa-token" },
      body: JSON.stringify({ recipient: { user_id: oaUserId }, message }),
    });
    expect(await res.json()).toMatchObject({ error: 0 });
  }

  async function page(): Promise<string> {
    return (await fetch(`${chat.url}/`)).text();
  }

  it("sends what a person types in a user's form as that user's message and redirects back to their chat", async () => {
    const user = await newUser("Bà Năm");
    const res = await submitForm(`/sandbox/oa/users/${user.id}/messages`, { text: "lich hoc" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/#oa-user-${user.id}`);
    const event = JSON.parse(receiver.received.at(-1)!.rawBody.toString("utf8")) as { message: { text: string } };
    expect(event.message.text).toBe("lich hoc");
    const html = await page();
    expect(html).toContain(`id="oa-user-${user.id}"`);
    expect(html).toContain("Delivered: the webhook answered HTTP 200");
    expect(html).toContain(`<form method="post" action="/sandbox/oa/users/${user.id}/messages"`);
  });

  it("shows both sides of a conversation escaped, and the last message's buttons as quick replies", async () => {
    const user = await newUser("Ông <b>Bảy</b>");
    await submitForm(`/sandbox/oa/users/${user.id}/messages`, { text: `<img src=x onerror="alert(1)"> lịch học?` });
    await oaAnswers(user.oaUserId, {
      text: "Lớp <script>alert('oa')</script> tối thứ Năm",
      attachment: {
        type: "template",
        payload: {
          buttons: [
            { title: "Đăng ký <ngay>", type: "oa.query.show", payload: `#dang-ky "lop" 1` },
            { title: "Xem bài học", type: "oa.open.url", payload: { url: "https://zalo.me/s/1/?a=1&b=2" } },
          ],
        },
      },
    });
    const html = await page();
    expect(html).toContain("Ông &lt;b&gt;Bảy&lt;/b&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; lịch học?");
    expect(html).toContain("Lớp &lt;script&gt;alert(&#39;oa&#39;)&lt;/script&gt; tối thứ Năm");
    expect(html).not.toMatch(/<script|<img|<b>|<ngay>/);
    expect(html).toContain(`<form method="post" action="/sandbox/oa/users/${user.id}/press"`);
    expect(html).toContain(`<input type="hidden" name="payload" value="#dang-ky &quot;lop&quot; 1"><button type="submit">Đăng ký &lt;ngay&gt;</button>`);
    expect(html).toContain(`href="https://zalo.me/s/1/?a=1&amp;b=2"`);
  });

  it("sends a quick reply's payload when a person presses it on the page", async () => {
    const user = await newUser("Cô Hai");
    const res = await submitForm(`/sandbox/oa/users/${user.id}/press`, { payload: "#lich-hoc" });
    expect(res.status).toBe(303);
    const event = JSON.parse(receiver.received.at(-1)!.rawBody.toString("utf8")) as { message: { text: string } };
    expect(event.message.text).toBe("#lich-hoc");
  });

  it("shows the OA's group messages in the group's section, escaped, beside what members wrote", async () => {
    const user = await newUser("Bà Tư");
    const res = await submitForm("/sandbox/oa/groups/to-giai-phong/messages", { userId: user.id, text: "#lich" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/#oa-group-to-giai-phong");
    const sent = await fetch(`${chat.url}/v3.0/oa/group/message`, {
      method: "POST",
      headers: { "Content-Type": "application/json", access_token: "hocso-sandbox-oa-token" },
      body: JSON.stringify({ recipient: { group_id: "to-giai-phong" }, message: { text: "Lịch <b>tối nay</b> 19h" } }),
    });
    expect(await sent.json()).toMatchObject({ error: 0 });
    const html = await page();
    const group = html.slice(html.indexOf('id="oa-group-to-giai-phong"'));
    expect(group).toMatch(/<li class="from-user">\s*<span class="who">Bà Tư<\/span>[\s\S]*#lich/);
    expect(group).toMatch(/<li class="from-oa">\s*<span class="who">OA<\/span>[\s\S]*Lịch &lt;b&gt;tối nay&lt;\/b&gt; 19h/);
  });

  it("goes back to the page with a note, not JSON, when a form cannot send", async () => {
    const user = await newUser("Chú Tám");
    chat.setWebhookUrl(undefined);
    try {
      const res = await submitForm(`/sandbox/oa/users/${user.id}/messages`, { text: "alo" });
      expect(res.status).toBe(303);
      expect(await page()).toContain("Not sent: No webhook URL is set");
    } finally {
      chat.setWebhookUrl(receiver.url);
    }
    const blank = await submitForm(`/sandbox/oa/users/${user.id}/messages`, { text: "  " });
    expect(blank.status).toBe(303);
    expect(await page()).toContain("Not sent: Invalid event (text: must not be empty)");
  });
});

describe("sandbox home page: groups, notifications, tokens, limits and faults", () => {
  let site: RunningSandbox;
  let receiver: WebhookReceiver;
  const clock = { now: Date.parse("2026-11-28T12:00:00Z") };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    site = await startSandbox({
      port: 0,
      appId: "test-app",
      appSecret: "s",
      webhookUrl: receiver.url,
      now: () => clock.now,
      rateLimits: { appPerMinute: 250, groupPerMinute: 20 },
      groups: [{ groupId: "to-dan-pho-3", name: "TDP 3 <Ba Ngòi>" }],
    });
  });
  afterAll(async () => {
    await site.close();
    await receiver.close();
  });

  function send(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${site.url}${path}`, {
      method,
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  }

  async function page(): Promise<string> {
    return (await fetch(`${site.url}/`)).text();
  }

  function section(html: string, id: string): string {
    const start = html.indexOf(`id="${id}"`);
    expect(start).toBeGreaterThan(-1);
    const end = html.indexOf("</section>", start);
    return html.slice(start, end);
  }

  it("shows each group with its name, id, status and whether the OA is in it, messages oldest first in Vietnam time", async () => {
    const { user } = (await (await send("POST", "/sandbox/users", { name: "Bà Tư" })).json()) as { user: { id: string } };
    expect((await send("POST", "/sandbox/oa/groups/to-dan-pho-3/messages", { userId: user.id, text: "Mấy giờ học?" })).status).toBe(201);
    clock.now += 60_000;
    const sent = await send(
      "POST",
      "/v3.0/oa/group/message",
      { recipient: { group_id: "to-dan-pho-3" }, message: { text: "19h tối nay <b>nhé</b>" } },
      { access_token: "hocso-sandbox-oa-token" },
    );
    expect(await sent.json()).toMatchObject({ error: 0 });
    await send("PUT", "/sandbox/oa/groups/to-cu", { name: "Tổ cũ", status: "disabled", oaInGroup: false });

    const html = await page();
    const group = section(html, "oa-group-to-dan-pho-3");
    expect(group).toContain("TDP 3 &lt;Ba Ngòi&gt;");
    expect(group).toContain("<code>to-dan-pho-3</code>");
    expect(group).toContain("Enabled");
    expect(group).toContain("the OA is in the group");
    expect(group.indexOf("Mấy giờ học?")).toBeLessThan(group.indexOf("19h tối nay &lt;b&gt;nhé&lt;/b&gt;"));
    expect(group).toContain("Thứ Bảy, 28/11/2026 19:00");
    expect(group).toContain("Thứ Bảy, 28/11/2026 19:01");
    const old = section(html, "oa-group-to-cu");
    expect(old).toContain("Tổ cũ");
    expect(old).toContain("Disabled: GMF answers -237");
    expect(old).toContain("the OA is not in the group: GMF answers -403");
    expect(old).not.toContain("<form");
  });

  it("shows a Mini App notification in the user's chat, escaped, with its button", async () => {
    const { user } = (await (await send("POST", "/sandbox/users", { name: "Ông Ba" })).json()) as { user: { id: string } };
    const res = await send(
      "POST",
      "/notification/template",
      {
        templateId: "00126fd75392bacce383",
        templateData: { title: "Lớp <i>mới</i>", buttonText: "Xem", buttonUrl: "https://zalo.me/s/1/?a=1&b=2" },
      },
      { "X-Api-Key": "Bearer hocso-sandbox-miniapp-key", "X-User-Id": user.id, "X-MiniApp-Id": "1" },
    );
    expect(await res.json()).toMatchObject({ error: 0 });
    const chat = section(await page(), `oa-user-${user.id}`);
    expect(chat).toContain("Mini App notification");
    expect(chat).toContain("Lớp &lt;i&gt;mới&lt;/i&gt;");
    expect(chat).toContain(`href="https://zalo.me/s/1/?a=1&amp;b=2"`);
  });

  it("shows the OA's access tokens by their last 4 characters only", async () => {
    const html = await page();
    expect(section(html, "oa-tokens")).toContain("…oken");
    expect(html).not.toContain("hocso-sandbox-oa-token");
  });

  it("shows the rate limits and the active faults", async () => {
    const fault = await send("POST", "/sandbox/faults", { endpoint: "oa.group.message", kind: "slow", delayMs: 1500, groupId: "to-dan-pho-3" });
    const { id } = (await fault.json()) as { id: string };
    const html = await page();
    const limits = section(html, "limits");
    expect(limits).toContain("<strong>250</strong> a minute for the app");
    expect(limits).toContain("<strong>20</strong> a minute per group");
    const faults = section(html, "faults");
    expect(faults).toContain(`<code>${id}</code>`);
    expect(faults).toContain("<code>oa.group.message</code>");
    expect(faults).toContain("slow (1500 ms)");
    expect(faults).toContain("group to-dan-pho-3");
    await fetch(`${site.url}/sandbox/faults`, { method: "DELETE" });
    expect(section(await page(), "faults")).toContain("No faults are active");
  });
});
