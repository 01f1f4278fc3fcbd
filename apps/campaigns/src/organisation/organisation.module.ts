import { Module } from '@nestjs/common';
import { Replicas } from '@crm/events';
import { OrganisationLookup } from './organisation.lookup';

/** The organisation and partner keys as campaigns knows them (replicas kept from customers' events). */
@Module({ providers: [Replicas, OrganisationLookup], exports: [OrganisationLookup] })
export class OrganisationModule {}
