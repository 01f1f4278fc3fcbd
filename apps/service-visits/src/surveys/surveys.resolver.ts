import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { SatisfactionQueryDto, SubmitSurveyDto } from './surveys.dto';
import { SatisfactionReport, Survey } from './surveys.models';
import { SurveysPolicy } from './surveys.policy';
import { SurveysService } from './surveys.service';

@Resolver(() => Survey)
export class SurveysResolver {
  constructor(private readonly surveys: SurveysService) {}

  @Mutation(() => Survey, { description: "V-4: a customer's satisfaction with a visit or a complaint resolution" })
  @Allow(SurveysPolicy.submit)
  submitSurvey(@CurrentPrincipal() caller: Principal, @Args('input', { description: 'The survey' }) input: SubmitSurveyDto) {
    return this.surveys.submit(caller, input);
  }

  @Query(() => SatisfactionReport, { description: 'V-4: average scores per employee and department over business days from..to' })
  @Allow(SurveysPolicy.satisfaction)
  satisfaction(@CurrentPrincipal() caller: Principal, @Args() q: SatisfactionQueryDto) {
    return this.surveys.satisfaction(caller, q);
  }
}
