import { Module } from '@nestjs/common';
import { ComplaintResolutionsRepository } from './complaints.repository';

/** Complaint resolutions service-visits has heard of (complaint.resolved): follow-ups (V-3) and surveys (V-4). */
@Module({ providers: [ComplaintResolutionsRepository], exports: [ComplaintResolutionsRepository] })
export class ComplaintsModule {}
