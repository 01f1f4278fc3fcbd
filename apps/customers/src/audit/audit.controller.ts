import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, Page } from '@crm/database';
import { ApiPageResponse } from '@crm/http';
import { AuditQueryDto } from './audit.dto';
import { AuditPolicy } from './audit.policy';
import { AuditService } from './audit.service';
import { auditEntryView, AuditEntryView } from './audit.view';

@ApiTags('audit')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow(AuditPolicy.list)
  @ApiOperation({ summary: 'P-2: who read whose personal data and who changed ownership, oldest first' })
  @ApiPageResponse(AuditEntryView)
  async listAuditEntries(@Query() query: AuditQueryDto): Promise<Page<AuditEntryView>> {
    const page = await this.audit.search(
      { customerId: query.customerId, actorId: query.actorId, from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined },
      query.limit ?? DEFAULT_PAGE_SIZE,
      query.cursor,
    );
    return { items: page.items.map(auditEntryView), nextCursor: page.nextCursor };
  }
}
