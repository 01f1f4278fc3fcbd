import { Module } from '@nestjs/common';
import { Replicas } from '@crm/events';

/** The organisation and partner keys as service-visits knows them (replicas kept from customers' events). */
@Module({ providers: [Replicas] })
export class OrganisationModule {}
