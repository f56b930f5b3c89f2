// The address of a survey round's page as children's tablets open it: on
// the instruction sheet, in its QR code and in the demo's link.
import type { FastifyRequest } from 'fastify';
import { formatAccessCode } from './access-code.js';

export interface SurveyAddress {
  url: string;
  /** False when PUBLIC_URL is unset and the address is only how this request reached the server (perhaps 127.0.0.1). */
  public: boolean;
}

/** `base` an origin without a trailing slash: PUBLIC_URL, or this server as some client reached it. */
export function surveyUrl(base: string, accessCode: string): string {
  return `${base}/s/${formatAccessCode(accessCode)}`;
}

/** PUBLIC_URL when set; else the address the adult reached this server with, which other devices may not reach. */
export function surveyAddress(publicUrl: string | null, request: FastifyRequest, accessCode: string): SurveyAddress {
  return publicUrl
    ? { url: surveyUrl(publicUrl, accessCode), public: true }
    : { url: surveyUrl(`${request.protocol}://${request.host}`, accessCode), public: false };
}
