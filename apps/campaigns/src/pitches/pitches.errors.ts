import { defineErrors } from '@crm/errors';

export const PitchErrors = defineErrors({
  PITCH_NOT_FOUND: { status: 404, title: 'Pitch not found' },
  PITCH_IN_PROGRESS: { status: 409, title: 'Another employee is presenting to this customer now (J-10)' },
  PITCH_NEEDS_CONSENT: { status: 403, title: "Only the invitation's holder pitches; the follow-up employee needs the holder's consent (J-10)" },
  CONSENT_BY_HOLDER_ONLY: { status: 403, title: "Only the employee holding the customer's invitation gives consent" },
  CONSENT_ONLY_FOR_FOLLOW_UP_EMPLOYEE: { status: 422, title: "Consent is for the customer's follow-up employee (the owner)" },
  NOT_YOUR_PITCH: { status: 403, title: 'Only the presenting employee ends a pitch' },
});
