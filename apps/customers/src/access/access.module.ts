import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { AccessResolver } from './access.resolver';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { DevTokenController } from './dev-token.controller';
import { DevTokenService } from './dev-token.service';

/** Access to the API: partner keys (issued here, replicated everywhere) and, outside production, development tokens. */
@Module({})
export class AccessModule {
  static forRoot(options: { devTokens: boolean }): DynamicModule {
    return {
      module: AccessModule,
      imports: [OrganisationModule, AuditModule],
      controllers: [ApiKeysController, ...(options.devTokens ? [DevTokenController] : [])],
      providers: [ApiKeysRepository, ApiKeysService, AccessResolver, ...(options.devTokens ? [DevTokenService] : [])],
    };
  }
}
