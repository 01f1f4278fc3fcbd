import { definePolicy } from '@crm/auth';

/**
 * Who may call the fines routes: any authenticated employee, no partner. Which fines a caller then sees
 * (their own, their department's as its head, everyone's for the general manager and admins) is the object-level
 * rule of fine-visibility.ts, applied by FinesService.
 */
export const FinesPolicy = definePolicy({
  list: {},
  totals: {},
});
