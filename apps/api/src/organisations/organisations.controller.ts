import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@peduli/domain';
import { CurrentActor, CurrentPrincipal, Principal, RequestActor, RequirePermission } from '../auth/principal';
import { ApiErrors } from '../common/api-docs';
import { Page } from '../common/pagination';
import { uuidParam } from '../common/uuid-param';
import { CreateOrganisationBody, OrganisationPage, OrganisationQuery, OrganisationView, ReasonBody, UpdateOrganisationBody } from './organisations.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @RequirePermission(Permission.ORGANISATIONS_MANAGE)
  @ApiOperation({ summary: 'Create an organisation in the place its kind belongs (national, province or regency/city)' })
  @ApiCreatedResponse({ type: OrganisationView })
  @ApiErrors(404)
  create(@Body() body: CreateOrganisationBody, @CurrentPrincipal() principal: Principal, @CurrentActor() actor: RequestActor): Promise<OrganisationView> {
    return this.organisations.create(body, principal, actor);
  }

  @Get()
  @RequirePermission(Permission.ORGANISATIONS_READ)
  @ApiOperation({ summary: 'Organisations within the caller’s scope, filtered and paginated' })
  @ApiOkResponse({ type: OrganisationPage })
  list(@Query() query: OrganisationQuery, @CurrentPrincipal() principal: Principal): Promise<Page<OrganisationView>> {
    return this.organisations.list(query, principal);
  }

  @Get(':id')
  @RequirePermission(Permission.ORGANISATIONS_READ)
  @ApiOperation({ summary: 'One organisation' })
  @ApiOkResponse({ type: OrganisationView })
  @ApiErrors(404)
  get(@Param('id', uuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<OrganisationView> {
    return this.organisations.get(id, principal);
  }

  @Patch(':id')
  @RequirePermission(Permission.ORGANISATIONS_MANAGE)
  @ApiOperation({ summary: 'Rename an organisation' })
  @ApiOkResponse({ type: OrganisationView })
  @ApiErrors(404)
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateOrganisationBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<OrganisationView> {
    return this.organisations.update(id, body, principal, actor);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission(Permission.ORGANISATIONS_MANAGE)
  @ApiOperation({ summary: 'Deactivate an organisation (kept for history; no new submissions)' })
  @ApiOkResponse({ type: OrganisationView })
  @ApiErrors(404)
  deactivate(
    @Param('id', uuidParam) id: string,
    @Body() body: ReasonBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: RequestActor,
  ): Promise<OrganisationView> {
    return this.organisations.deactivate(id, body.reason ?? null, principal, actor);
  }
}
