import { Module } from '@nestjs/common';
import { OrganisationLookup } from './organisation.lookup';

/** The organisation as campaigns' rules read it (the shared replica of @crm/service-kit), refusing unknown references. */
@Module({ providers: [OrganisationLookup], exports: [OrganisationLookup] })
export class OrganisationModule {}
