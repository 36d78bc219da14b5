// The learner's own "Tôi đã được xác nhận" (key hocso:certification): the date the national
// platform confirmed them, or null. Always kept on the phone; mirrored to the server as
// PATCH /api/v1/me {certifiedOn} only with the progress consent and never for under-16s
// (mayUseServer), which is what the ward's 70% indicator counts (DESIGN.md).
import * as z from "zod/mini";
import { createDeviceStore } from "../../app/device-store.ts";
import { learnerStore, mayUseServer } from "../../app/learner-store.ts";

export const CERTIFICATION_KEY = "hocso:certification";

/** binhdanhocvuso.gov.vn opened on 26/3/2025 (DOMAIN.md §1.1): no confirmation is older. */
export const PLATFORM_OPENED = "2025-03-26";

const CertificationSchema = z.object({
  /** YYYY-MM-DD in the ward's calendar, or null when nothing is recorded */
  certifiedOn: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  /** the server has this value (or there was never anything to send) */
  synced: z.boolean(),
  updatedAt: z.nullable(z.string()),
});
export type Certification = z.infer<typeof CertificationSchema>;

export const certificationStore = createDeviceStore<Certification>(CERTIFICATION_KEY, CertificationSchema, {
  certifiedOn: null,
  synced: true,
  updatedAt: null,
});

export type SendOutcome = { kind: "server" } | { kind: "device" } | { kind: "failed"; message: string };

/** Record the date (or null to forget it) on the phone, then tell the server when allowed. */
export function recordCertification(certifiedOn: string | null, now = new Date()): Promise<SendOutcome> {
  certificationStore.set({ certifiedOn, synced: false, updatedAt: now.toISOString() });
  return sendCertificationIfAllowed();
}

/**
 * Send a date the server does not have yet, if this learner may use the server at all. The
 * request code loads only then, so a learner without consent never downloads it.
 */
export async function sendCertificationIfAllowed(): Promise<SendOutcome> {
  if (certificationStore.get().synced) return { kind: "server" };
  if (!mayUseServer(learnerStore.get())) return { kind: "device" };
  const { sendCertification } = await import("./send-certification.ts");
  return sendCertification();
}
