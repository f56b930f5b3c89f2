// Free text is published verbatim except for what could identify or
// reach a child: phone numbers, email addresses and UK postcodes.

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// UK postcode, with or without the space, any case (e.g. TS1 2AB, ts12ab, SW1A 1AA).
const POSTCODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s*\d[A-Z]{2}\b/gi;
// Seven or more digits, allowing spaces, dots, dashes, brackets and a leading +.
const PHONE = /(?:\+|\b)\d(?:[\s().-]*\d){6,}\b/g;

export function maskFreeText(text: string): string {
  return text.replace(EMAIL, '[email removed]').replace(POSTCODE, '[postcode removed]').replace(PHONE, '[phone number removed]');
}
