import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@crm/auth';
import { ApiProblems, ApiPublic } from '@crm/http';
import { DevTokenDto } from './access.dto';
import { DevTokenView } from './access.view';
import { DevTokenService } from './dev-token.service';

/** Outside production only (the module leaves it out in production): see DevTokenService. */
@ApiTags('auth')
@Public()
@Controller('api/v1/auth/dev-token')
export class DevTokenController {
  constructor(private readonly devTokens: DevTokenService) {}

  @Post()
  @HttpCode(200)
  @ApiPublic()
  @ApiOperation({ summary: 'Issue a development access token (not in production)' })
  @ApiOkResponse({ type: DevTokenView })
  @ApiProblems(404, 409)
  issueDevToken(@Body() dto: DevTokenDto): Promise<DevTokenView> {
    return this.devTokens.issue(dto);
  }
}
