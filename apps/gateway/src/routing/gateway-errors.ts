import { defineErrors } from '@crm/errors';

/** What the gateway itself may answer when a service cannot (502/504), besides the platform's common codes. */
export const GatewayErrors = defineErrors({
  UPSTREAM_UNAVAILABLE: { status: 502, title: 'The service behind this route did not answer' },
  UPSTREAM_TIMEOUT: { status: 504, title: 'The service behind this route answered too late' },
});
