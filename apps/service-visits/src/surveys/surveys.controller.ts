import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { ApiProblems } from '@crm/http';
import { SatisfactionQueryDto, SubmitSurveyDto } from './surveys.dto';
import { SurveysPolicy } from './surveys.policy';
import { SurveysService } from './surveys.service';
import { SatisfactionReportView, SurveyView } from './surveys.view';

@ApiTags('surveys')
@Controller('api/v1/surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Post()
  @Allow(SurveysPolicy.submit)
  @ApiOperation({ summary: 'A customer\'s satisfaction (V-4) with a visit or a complaint resolution: score 1..5 and a comment, once per subject' })
  @ApiCreatedResponse({ type: SurveyView })
  @ApiProblems(409, 422)
  submitSurvey(@CurrentPrincipal() caller: Principal, @Body() dto: SubmitSurveyDto) {
    return this.surveys.submit(caller, dto);
  }

  @Get('averages')
  @Allow(SurveysPolicy.satisfaction)
  @ApiOperation({ summary: 'Average scores per employee and department over business days from..to; employees see their own, heads their department' })
  @ApiOkResponse({ type: SatisfactionReportView })
  getSatisfactionAverages(@CurrentPrincipal() caller: Principal, @Query() q: SatisfactionQueryDto) {
    return this.surveys.satisfaction(caller, q);
  }
}
