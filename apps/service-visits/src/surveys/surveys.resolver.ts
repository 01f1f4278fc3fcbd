import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, PartnerScopes, Principal } from '@crm/auth';
import { SatisfactionQueryDto, SubmitSurveyDto } from '../surveys/surveys.dto';
import { SurveysService } from '../surveys/surveys.service';
import { SatisfactionReport, Survey } from './models';

@Resolver(() => Survey)
export class SurveyResolver {
  constructor(private readonly surveys: SurveysService) {}

  @Mutation(() => Survey, { description: "V-4: a customer's satisfaction with a visit or a complaint resolution" })
  @PartnerScopes('service-visits:write')
  submitSurvey(@CurrentPrincipal() caller: Principal, @Args('input') input: SubmitSurveyDto) {
    return this.surveys.submit(caller, input);
  }

  @Query(() => SatisfactionReport, { description: 'V-4: average scores per employee and department over business days from..to' })
  satisfaction(@CurrentPrincipal() caller: Principal, @Args() q: SatisfactionQueryDto) {
    return this.surveys.satisfaction(caller, q);
  }
}
