import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, Page } from '@crm/database';
import { ApiPageResponse, ApiProblems } from '@crm/http';
import { DeactivationService } from './deactivation.service';
import { CreateDepartmentDto, CreateEmployeeDto, EmployeeQueryDto, UpdateDepartmentDto, UpdateEmployeeDto } from './organisation.dto';
import { OrganisationPolicy } from './organisation.policy';
import { OrganisationService } from './organisation.service';
import { DeactivationView, deactivationView, departmentView, DepartmentView, employeeView, EmployeeView } from './organisation.view';

@ApiTags('organisation')
@Controller('api/v1')
export class OrganisationController {
  constructor(
    private readonly organisation: OrganisationService,
    private readonly deactivation: DeactivationService,
  ) {}

  @Post('departments')
  @Allow(OrganisationPolicy.createDepartment)
  @ApiCreatedResponse({ type: DepartmentView })
  @ApiProblems(409)
  async createDepartment(@Body() dto: CreateDepartmentDto): Promise<DepartmentView> {
    return departmentView(await this.organisation.createDepartment(dto));
  }

  @Get('departments')
  @Allow(OrganisationPolicy.read)
  @ApiPageResponse(DepartmentView, 'Every department (one page)')
  async listDepartments(): Promise<Page<DepartmentView>> {
    return { items: (await this.organisation.listDepartments()).map(departmentView), nextCursor: null };
  }

  @Get('departments/:id')
  @Allow(OrganisationPolicy.read)
  @ApiOkResponse({ type: DepartmentView })
  @ApiProblems(404)
  async getDepartment(@Param('id', ParseUUIDPipe) id: string): Promise<DepartmentView> {
    return departmentView(await this.organisation.department(id));
  }

  @Patch('departments/:id')
  @Allow(OrganisationPolicy.updateDepartment)
  @ApiOkResponse({ type: DepartmentView })
  @ApiProblems(404, 409, 422)
  async updateDepartment(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDepartmentDto): Promise<DepartmentView> {
    return departmentView(await this.organisation.updateDepartment(id, dto));
  }

  @Post('employees')
  @Allow(OrganisationPolicy.createEmployee)
  @ApiCreatedResponse({ type: EmployeeView })
  @ApiProblems(404, 409, 422)
  async createEmployee(@Body() dto: CreateEmployeeDto): Promise<EmployeeView> {
    return employeeView(await this.organisation.createEmployee(dto));
  }

  @Get('employees')
  @Allow(OrganisationPolicy.read)
  @ApiPageResponse(EmployeeView)
  async listEmployees(@Query() query: EmployeeQueryDto): Promise<Page<EmployeeView>> {
    const page = await this.organisation.listEmployees({ departmentId: query.departmentId, active: query.active }, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
    return { items: page.items.map(employeeView), nextCursor: page.nextCursor };
  }

  @Patch('employees/:id')
  @Allow(OrganisationPolicy.updateEmployee)
  @ApiOperation({ summary: 'Change an employee: a move shares their customers among the department they leave; a new role or department ends their sessions; a head must be replaced first' })
  @ApiOkResponse({ type: EmployeeView })
  @ApiProblems(404, 409, 422)
  async updateEmployee(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateEmployeeDto): Promise<EmployeeView> {
    return employeeView(await this.organisation.updateEmployee(caller, id, dto));
  }

  @Post('employees/:id/deactivation')
  @HttpCode(200)
  @Allow(OrganisationPolicy.deactivateEmployee)
  @ApiOperation({ summary: "Deactivate an employee: their customers are shared evenly among the department's active employees, their sessions end" })
  @ApiOkResponse({ type: DeactivationView })
  @ApiProblems(404, 409)
  async deactivateEmployee(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<DeactivationView> {
    return deactivationView(await this.deactivation.deactivate(caller, id));
  }

  @Get('employees/:id')
  @Allow(OrganisationPolicy.read)
  @ApiOkResponse({ type: EmployeeView })
  @ApiProblems(404)
  async getEmployee(@Param('id', ParseUUIDPipe) id: string): Promise<EmployeeView> {
    return employeeView(await this.organisation.employee(id));
  }
}
