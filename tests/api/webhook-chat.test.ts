// The chat bot as residents meet it in the ward's OA: every command typed with accents,
// without, or in capitals; the class schedule of their TDP (tổ dân phố); the mini app link;
// reminders consent asked for, given only when confirmed, and withdrawn; a menu for anything
// else; "#lich" in a group, for the group's TDP only.
// Residents act through the Zalo sandbox; the bot's replies are read back from it. The test
// clock stands at Thứ Bảy 28/11/2026, 08:00 ward time.
import { ward } from "@hocso/content/ward";
import { CONSENT_TEXT_VERSION } from "@hocso/shared/learner";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, decideConsent, signIn } from "../support/api-harness.ts";
import { addWeeklyClasses, weeklyClass } from "../support/classes.ts";
import {
  ask,
  askInGroup,
  botReplies,
  follows,
  groupConversation,
  keyOf,
  newResident,
  press,
  settled,
  startWebhookHarness,
  writesInGroup,
  type ConversationEntry,
  type Resident,
  type WebhookHarness,
} from "../support/webhook-harness.ts";

let h: WebhookHarness;
let resident: Resident;
const giaiPhong = ward.residentialGroups[0]!;
const quiet = ward.residentialGroups[2]!;
const seeded = ward.weeklyClasses.find((c) => c.tdpId === giaiPhong.id)!;
const CHAT_VERSION = "oa-chat-2026-11-v2";
const AGREE = "đồng ý nhắc lịch";

beforeEach(async () => {
  h = await startWebhookHarness();
  resident = await newResident(h, "Bà Sáu");
});
afterEach(() => h.stop());

function only(replies: ConversationEntry[]): ConversationEntry {
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

function payloads(entry: ConversationEntry): string[] {
  return (entry.buttons ?? []).map((b) => b.payload);
}

function chatRow(who: Resident) {
  return h.db.prepare("SELECT * FROM chat_residents WHERE oa_user_id = ?").get(who.oaUserId) as
    | Record<string, unknown>
    | undefined;
}

/** The three ways a resident may type a command: with accents, without, in capitals. */
function spellings(command: string): string[] {
  const bare = command.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
  return [command, bare, command.toUpperCase()];
}

describe("lịch học", () => {
  it("asks for the TDP with one button per TDP when it does not know the resident's", async () => {
    for (const text of [...spellings("lịch học"), ...spellings("lịch")]) {
      const reply = only(await ask(h, resident, text));
      expect(reply.text).toContain("Bác ở tổ dân phố nào?");
      expect(payloads(reply)).toEqual(ward.residentialGroups.map((g) => `tdp ${g.id}`));
      expect(reply.buttons!.map((b) => b.title)).toEqual(ward.residentialGroups.map((g) => g.name));
      expect(reply.buttons!.every((b) => b.type === "oa.query.show")).toBe(true);
    }
  });

  it("keeps only the TDP the resident chose and lists its next classes as 'Thứ Bảy, 28/11/2026, 19:00–20:30, <place>: <topic>. Mang theo: …'", async () => {
    const reply = only(await press(h, resident, `tdp ${giaiPhong.id}`));
    const lines = reply.text.split("\n");
    expect(lines[0]).toBe(`Đã ghi nhận: bác ở ${giaiPhong.name}.`);
    expect(lines).toContain(
      `• Thứ Bảy, 28/11/2026, 19:00–20:30, ${seeded.place}: ${seeded.topic}. Mang theo: ${seeded.bring}.`,
    );
    expect(lines).toContain(
      `• Thứ Bảy, 05/12/2026, 19:00–20:30, ${seeded.place}: ${seeded.topic}. Mang theo: ${seeded.bring}.`,
    );
    expect(reply.text).toContain(`https://zalo.me/s/hocso-local/bai/${seeded.lessonIds[0]}`);
    expect(payloads(reply)).toEqual(["nhắc lịch", "học", "đổi tổ"]);
    expect(chatRow(resident)).toMatchObject({ tdp_id: giaiPhong.id, reminders_granted: null });
    // From now on the schedule comes straight away, however it is typed.
    for (const text of spellings("lịch học")) {
      expect(only(await ask(h, resident, text)).text).toContain(`Lịch học sắp tới của ${giaiPhong.name}:`);
    }
  });

  it("says so when the TDP has no class in the next 14 days, and lists a class with nothing to bring without 'Mang theo'", async () => {
    await press(h, resident, `tdp ${quiet.id}`);
    expect(only(await ask(h, resident, "lich")).text).toBe(
      `${quiet.name} chưa có buổi học nào trong 14 ngày tới. Bác gõ LỊCH HỌC lại sau nhé.`,
    );
    addWeeklyClasses(h, [
      weeklyClass({ id: "test-chat-thu-hai", tdpId: quiet.id, weekday: 1, startTime: "15:00", bring: "", topic: "Gọi video" }),
    ]);
    const text = only(await ask(h, resident, "lich")).text;
    expect(text).toContain("• Thứ Hai, 30/11/2026, 15:00–16:00, Nhà văn hóa (địa điểm thử): Gọi video.\n");
    expect(text).not.toContain("Mang theo");
  });

  it("answers an unknown TDP id with the chooser again, storing nothing", async () => {
    const replies = await press(h, resident, "tdp khong-co");
    expect(replies[0]!.text).toContain("Tôi chưa tìm thấy tổ đó.");
    expect(chatRow(resident)).toBeUndefined();
  });

  it("uses the TDP on a linked learner's account without asking", async () => {
    const learner = await signIn(h);
    await request(h.app).patch("/api/v1/me").set(bearer(learner.token)).send({ tdpId: giaiPhong.id }).expect(200);
    await settled(h, keyOf(await follows(h, learner)));
    expect(only(await ask(h, learner, "lịch học")).text).toContain(`Lịch học sắp tới của ${giaiPhong.name}:`);
  });
});

describe("mở app", () => {
  it("gives the mini app's link, and the lesson's while a chat quiz is in progress", async () => {
    for (const text of [...spellings("mở app"), ...spellings("ứng dụng")]) {
      expect(only(await ask(h, resident, text)).text).toBe(
        "Mở ứng dụng Học Số tại đây: https://zalo.me/s/hocso-local/",
      );
    }
    await ask(h, resident, "học");
    expect(only(await ask(h, resident, "ung dung")).text).toMatch(
      /\nBài đang học, “.+”: https:\/\/zalo\.me\/s\/hocso-local\/bai\/[a-z0-9-]+$/,
    );
  });

  it("uses MINI_APP_ID in the link", async () => {
    const other = await startWebhookHarness({ env: { MINI_APP_ID: "3141592653589793" } });
    try {
      const someone = await newResident(other);
      expect(only(await ask(other, someone, "mo app")).text).toContain("https://zalo.me/s/3141592653589793/");
    } finally {
      await other.stop();
    }
  });
});

describe("nhắc lịch and dừng", () => {
  function remindersConsents(): number {
    return (h.db.prepare("SELECT count(*) AS n FROM consents WHERE purpose = 'reminders'").get() as { n: number }).n;
  }

  it("answers nhắc lịch with what is sent, how often, who manages the data, how to stop and an agree button, recording nothing", async () => {
    await press(h, resident, `tdp ${giaiPhong.id}`);
    const learner = await signIn(h);
    await settled(h, keyOf(await follows(h, learner)));
    for (const who of [resident, learner]) {
      for (const text of spellings("nhắc lịch")) {
        const notice = only(await ask(h, who, text));
        expect(notice.text).toContain("ngày, giờ, địa điểm và chủ đề buổi học của tổ dân phố bác");
        expect(notice.text).toContain("lúc 19:00 tối hôm trước và 2 giờ trước mỗi buổi học của tổ");
        expect(notice.text).toContain(`Quản lý dữ liệu: ${ward.controller}.`);
        expect(notice.text).toContain("Bác gõ DỪNG bất cứ lúc nào");
        expect(notice.text).not.toContain("Đã đăng ký");
        expect(notice.buttons).toEqual([{ title: "Đồng ý nhận nhắc lịch", type: "oa.query.show", payload: AGREE }]);
      }
    }
    expect(chatRow(resident)).toMatchObject({ reminders_granted: null, reminders_text_version: null });
    expect(chatRow(learner)).toBeUndefined();
    expect(remindersConsents()).toBe(0);
    const me = await request(h.app).get("/api/v1/me").set(bearer(learner.token)).expect(200);
    expect(me.body.consents.reminders?.granted ?? false).toBe(false);
  });

  it("records a chat-only resident's consent only on the confirmation, pressed or typed, with the notice's version and time, and withdraws it on every spelling of stop", async () => {
    await press(h, resident, `tdp ${giaiPhong.id}`);
    const confirmations = [AGREE, "DONG Y NHAC LICH", "Đồng ý nhận nhắc lịch", "dong y nhan nhac lich", AGREE, "ĐỒNG Ý NHẮC LỊCH"];
    const stops = [...spellings("dừng"), "stop", "STOP"];
    for (const [i, stop] of stops.entries()) {
      await ask(h, resident, "nhắc lịch");
      expect(chatRow(resident)).toMatchObject({ reminders_granted: i === 0 ? null : 0 });
      const confirmation = confirmations[i]!;
      const on = only(confirmation === AGREE ? await press(h, resident, AGREE) : await ask(h, resident, confirmation));
      expect(on.text).toContain("Đã đăng ký nhắc lịch.");
      expect(on.text).toContain("lúc 19:00 tối hôm trước và 2 giờ trước mỗi buổi học của tổ");
      expect(payloads(on)).toEqual(["lịch học", "dừng"]);
      expect(chatRow(resident)).toMatchObject({
        reminders_granted: 1,
        reminders_text_version: CHAT_VERSION,
        reminders_decided_at: h.clock.now().toISOString(),
      });
      expect(only(await ask(h, resident, stop)).text).toContain("Đã ngừng nhắc lịch.");
      expect(chatRow(resident)).toMatchObject({ reminders_granted: 0, reminders_text_version: CHAT_VERSION });
    }
  });

  it("accepts NHẮC LỊCH without accents or in capitals, says when it is already on, and asks for the TDP when unknown", async () => {
    expect(only(await ask(h, resident, "NHAC LICH")).text).toContain("Nhắc lịch học qua Zalo (không bắt buộc):");
    const first = await ask(h, resident, "dong y nhac lich");
    expect(first[0]!.text).toContain("Đã đăng ký nhắc lịch.");
    expect(first[0]!.text).toContain("bác chọn tổ dân phố bên dưới");
    expect(payloads(first[0]!)).toContain(`tdp ${giaiPhong.id}`);
    expect(only(await ask(h, resident, "NHẮC LỊCH")).text).toContain("Bác đã đăng ký nhắc lịch rồi.");
    expect(only(await press(h, resident, AGREE)).text).toContain("Bác đã đăng ký nhắc lịch rồi.");
    expect(chatRow(resident)).toMatchObject({ reminders_granted: 1, tdp_id: null });
  });

  it("says there was nothing to stop when the resident never subscribed", async () => {
    expect(only(await ask(h, resident, "dung")).text).toBe(
      "Bác chưa đăng ký nhắc lịch nên không có tin nhắc nào để dừng.",
    );
    expect(chatRow(resident)).toBeUndefined();
  });

  it("records a linked learner's confirmation in their account's consents, as GET /api/v1/me shows it", async () => {
    const learner = await signIn(h);
    await settled(h, keyOf(await follows(h, learner)));
    await ask(h, learner, "nhắc lịch");
    await press(h, learner, AGREE);
    const me = await request(h.app).get("/api/v1/me").set(bearer(learner.token)).expect(200);
    expect(me.body.consents.reminders).toEqual({
      granted: true,
      version: CHAT_VERSION,
      decidedAt: h.clock.now().toISOString(),
    });
    expect(chatRow(learner)).toBeUndefined();
    await ask(h, learner, "Dừng");
    const after = await request(h.app).get("/api/v1/me").set(bearer(learner.token)).expect(200);
    expect(after.body.consents.reminders.granted).toBe(false);
  });

  it("withdraws a reminders consent the learner gave in the mini app", async () => {
    const learner = await signIn(h);
    await decideConsent(h, learner, "reminders", true);
    await settled(h, keyOf(await follows(h, learner)));
    expect(only(await ask(h, learner, "stop")).text).toContain("Đã ngừng nhắc lịch.");
    const me = await request(h.app).get("/api/v1/me").set(bearer(learner.token)).expect(200);
    expect(me.body.consents.reminders).toMatchObject({ granted: false });
    expect(me.body.consents.reminders.version).not.toBe(CONSENT_TEXT_VERSION);
  });
});

describe("help and everything else", () => {
  it("answers giúp, help and menu with the command list and five buttons", async () => {
    for (const text of [...spellings("giúp"), "help", "HELP", "menu", "Menu"]) {
      const reply = only(await ask(h, resident, text));
      expect(reply.text).toContain("• LỊCH HỌC: xem buổi học sắp tới của tổ");
      expect(reply.text).toContain("có dấu hay không dấu đều được");
      expect(payloads(reply)).toEqual(["lịch học", "học", "mở app", "nhắc lịch", "giúp"]);
    }
  });

  it("never stays silent: anything else gets a short menu with buttons", async () => {
    for (const text of ["xin chào", "Cảm ơn cháu nhiều!", "?", "1", "🙂"]) {
      const reply = only(await ask(h, resident, text));
      expect(reply.text).toBe("Chào bác! Bác bấm một nút bên dưới, hoặc gõ GIÚP để xem hướng dẫn.");
      expect(payloads(reply)).toEqual(["lịch học", "học", "mở app", "giúp"]);
    }
  });

  it("reads a command typed in decomposed Unicode and answers in NFC within 2,000 characters", async () => {
    const replies = [
      ...(await ask(h, resident, "Lịch Học".normalize("NFD"))),
      ...(await ask(h, resident, "giúp".normalize("NFD"))),
      ...(await ask(h, resident, "học".normalize("NFD"))),
    ];
    expect(replies[0]!.text).toContain("Bác ở tổ dân phố nào?");
    for (const r of replies) {
      expect(r.text).toBe(r.text.normalize("NFC"));
      expect([...r.text].length).toBeLessThanOrEqual(2000);
      for (const b of r.buttons ?? []) expect([...b.title].length).toBeLessThanOrEqual(100);
    }
  });

  it("welcomes a new follower with the help menu", async () => {
    const sent = await follows(h, resident);
    expect((await settled(h, keyOf(sent))).repliesSent).toBe(1);
  });
});

describe("#lich in a group", () => {
  const groupId = "f414c8f76fa586fbdfb4";
  const otherGroup = "nhom-cau-lac-bo";
  const mau1 = ward.residentialGroups[1]!;

  beforeEach(() => {
    h.db.prepare("UPDATE residential_groups SET channel = 'oa-group', zalo_group_id = ? WHERE id = ?").run(
      groupId,
      giaiPhong.id,
    );
  });

  it("leaves every group message but #lich alone", async () => {
    for (const text of ["lịch học", "học", "chào cả nhà", "giúp", "nhắc lịch", "#lich 2"]) {
      const sent = await writesInGroup(h, groupId, resident, text);
      expect(await settled(h, keyOf(sent))).toMatchObject({ state: "handled", repliesSent: 0, failure: null });
    }
    expect((await groupConversation(h, groupId)).filter((e) => e.direction !== "user→oa")).toEqual([]);
    expect(await botReplies(h, resident)).toEqual([]);
  });

  it("posts the schedule of the TDP whose zaloGroupId is the group, without buttons, for #lich, #lịch and #LỊCH", async () => {
    await press(h, resident, `tdp ${mau1.id}`);
    for (const text of ["#lich", "#lịch", "#LỊCH"]) {
      const post = only(await askInGroup(h, groupId, resident, text));
      expect(post.text.split("\n")[0]).toBe(`Lịch học sắp tới của ${giaiPhong.name}:`);
      expect(post.text).toContain(
        `• Thứ Bảy, 28/11/2026, 19:00–20:30, ${seeded.place}: ${seeded.topic}. Mang theo: ${seeded.bring}.`,
      );
      expect(post.buttons).toBeUndefined();
    }
    const conversation = await groupConversation(h, groupId);
    expect(conversation.map((e) => e.direction)).toEqual(["user→oa", "oa→group", "user→oa", "oa→group", "user→oa", "oa→group"]);
  });

  it("in a group of no TDP, never posts the writer's own TDP: the group would learn where they live", async () => {
    await press(h, resident, `tdp ${mau1.id}`);
    const learner = await signIn(h);
    await request(h.app).patch("/api/v1/me").set(bearer(learner.token)).send({ tdpId: giaiPhong.id }).expect(200);
    await settled(h, keyOf(await follows(h, learner)));
    for (const who of [resident, learner]) {
      const post = only(await askInGroup(h, otherGroup, who, "#lịch"));
      expect(post.text).not.toContain(mau1.name);
      expect(post.text).not.toContain(giaiPhong.name);
      expect(post.text).toContain("Bác nhắn riêng chữ LỊCH HỌC");
    }
  });

  it("when the group is no TDP's, asks residents in the group to write 'lịch học' to the OA privately, storing nothing", async () => {
    const post = only(await askInGroup(h, otherGroup, resident, "#LỊCH"));
    expect(post.text).toBe(
      `Nhóm này chưa gắn với tổ dân phố nào. Bác nhắn riêng chữ LỊCH HỌC cho trang Zalo của ${ward.name} để xem lịch của tổ mình nhé.`,
    );
    expect(chatRow(resident)).toBeUndefined();
    expect(await botReplies(h, resident)).toEqual([]);
  });
});
