import { maskPhone } from './phone';
import { CustomerEntity } from './customer.entity';

/** The contract's customer shape (api-contract.md), phone masked unless the viewer may see it (P-1). */
export function customerView(c: CustomerEntity, fullPhone: boolean) {
  return {
    id: c.id,
    name: c.name,
    phone: fullPhone ? c.phone : maskPhone(c.phone),
    phoneMasked: !fullPhone,
    gender: c.gender,
    birthDate: c.birthDate,
    address: c.address,
    source: c.source,
    stage: c.stage,
    valueTier: c.valueTier,
    ownerId: c.ownerId,
    departmentId: c.departmentId,
    referrerId: c.referrerId,
    underServed: c.underServed,
    createdAt: c.createdAt.toISOString(),
  };
}

export type CustomerView = ReturnType<typeof customerView>;
