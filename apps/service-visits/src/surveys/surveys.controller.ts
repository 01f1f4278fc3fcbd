import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScopes, Principal } from '@crm/auth';
import { SatisfactionQueryDto, SubmitSurveyDto } from './surveys.dto';
import { SurveysService } from './surveys.service';

@ApiTags('surveys')
@Controller('api/v1/surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Post()
  @PartnerScopes('service-visits:write')
  @ApiOperation({ summary: 'A customer\'s satisfaction (V-4) with a visit or a complaint resolution: score 1..5 and a comment, once per subject' })
  submit(@CurrentPrincipal() caller: Principal, @Body() dto: SubmitSurveyDto) {
    return this.surveys.submit(caller, dto);
  }

  @Get('averages')
  @ApiOperation({ summary: 'Average scores per employee and department over business days from..to; employees see their own, heads their department' })
  averages(@CurrentPrincipal() caller: Principal, @Query() q: SatisfactionQueryDto) {
    return this.surveys.satisfaction(caller, q);
  }
}
