// The body of a CS message (`POST /v3.0/oa/message/cs`, ZALO.md §1.4), checked the way the
// sandbox answers it: anything wrong is one -201 whose message names the field and problem.
import { z } from "zod";
import { OA_BUTTON_TYPES, type OaButton } from "../conversations.ts";

/** ZALO.md §1.4: text ≤ 2,000 characters, counted after NFC normalisation */
export const CS_TEXT_LIMIT = 2000;
/** ZALO.md §1.4 (one source, open in §7): ≤ 5 buttons, titles ≤ 100, payloads ≤ 1,000 */
export const CS_BUTTON_LIMIT = 5;
export const CS_BUTTON_TITLE_LIMIT = 100;
export const CS_BUTTON_PAYLOAD_LIMIT = 1000;

const characters = (text: string) => [...text.normalize("NFC")].length;

const title = z
  .string({ error: "must be a string" })
  .refine((t) => t.trim().length > 0, { error: "must not be empty" })
  .refine((t) => characters(t) <= CS_BUTTON_TITLE_LIMIT, {
    error: `must be at most ${CS_BUTTON_TITLE_LIMIT} characters`,
  });

const QueryButtonSchema = z.object({
  title,
  type: z.enum(["oa.query.show", "oa.query.hide"]),
  payload: z
    .string({ error: "must be the text the button sends" })
    .min(1, { error: "must not be empty" })
    .refine((p) => characters(p) <= CS_BUTTON_PAYLOAD_LIMIT, {
      error: `must be at most ${CS_BUTTON_PAYLOAD_LIMIT} characters`,
    }),
});

const UrlButtonSchema = z.object({
  title,
  type: z.literal("oa.open.url"),
  payload: z.object(
    { url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }) },
    { error: "must be {url}" },
  ),
});

const ButtonSchema = z.discriminatedUnion("type", [QueryButtonSchema, UrlButtonSchema], {
  error: `must be one of ${OA_BUTTON_TYPES.join(", ")}`,
});

const ButtonsAttachmentSchema = z.object(
  {
    type: z.literal("template", { error: 'must be "template" (the sandbox has no other attachments yet)' }),
    payload: z.object(
      {
        template_type: z
          .undefined({ error: "is not supported by the sandbox yet; send payload.buttons only" })
          .optional(),
        buttons: z
          .array(ButtonSchema, { error: "must be an array of buttons" })
          .min(1, { error: "must hold at least one button" })
          .max(CS_BUTTON_LIMIT, { error: `must hold at most ${CS_BUTTON_LIMIT} buttons` }),
      },
      { error: "must be an object with buttons" },
    ),
  },
  { error: "must be an object" },
);

const CsMessageBodySchema = z.object(
  {
    recipient: z.object(
      {
        user_id: z
          .string({ error: "must be a numeric string" })
          .regex(/^\d{1,20}$/, { error: "must be a numeric string" }),
      },
      { error: "must be {user_id}" },
    ),
    message: z.object(
      {
        text: z.string({ error: "must be a string" }).optional(),
        attachment: ButtonsAttachmentSchema.optional(),
      },
      { error: "must be an object" },
    ),
  },
  { error: "body must be a JSON object" },
);

export interface CsMessage {
  /** the OA-scoped user id */
  recipientId: string;
  text: string;
  buttons?: OaButton[];
}

export type CsMessageParse = { ok: true; message: CsMessage } | { ok: false; problem: string };

export function parseCsMessageBody(body: unknown): CsMessageParse {
  const parsed = CsMessageBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, problem: describe(parsed.error) };
  const { recipient, message } = parsed.data;
  const text = message.text ?? "";
  if (text.trim() === "" && !message.attachment) {
    return { ok: false, problem: "message is empty: give message.text or message.attachment" };
  }
  const length = characters(text);
  if (length > CS_TEXT_LIMIT) {
    return { ok: false, problem: `message.text is ${length} characters; at most ${CS_TEXT_LIMIT} are allowed` };
  }
  const buttons = message.attachment?.payload.buttons.map((b) => ({ title: b.title, type: b.type, payload: b.payload }));
  return { ok: true, message: { recipientId: recipient.user_id, text, ...(buttons ? { buttons } : {}) } };
}

/** The first problem only, as Zalo answers one message per failure. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "body is invalid";
  const path = issue.path.map(String).join(".");
  return path ? `${path} ${issue.message}` : issue.message;
}
