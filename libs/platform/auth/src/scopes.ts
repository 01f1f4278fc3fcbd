/**
 * Scopes a partner API key may hold, for the whole suite (keys are issued by customers and honoured by every
 * service); each route names the scopes it accepts with @PartnerScopes.
 */
export const PARTNER_SCOPES = ['customers:read', 'customers:write', 'customers:pii', 'archives:write', 'campaigns:read', 'points:read', 'points:write', 'complaints:read', 'complaints:write', 'service-visits:read', 'service-visits:write'] as const;

export type PartnerScope = (typeof PARTNER_SCOPES)[number];
