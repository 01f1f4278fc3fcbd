import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PartnerScopes, Role, Roles } from '@crm/auth';
import { DEFAULT_PAGE_SIZE } from '@crm/database';
import { CreateDepartmentDto, CreateEmployeeDto, EmployeeQueryDto, UpdateDepartmentDto } from './organisation.dto';
import { OrganisationService } from './organisation.service';

const departmentView = (d: { id: string; name: string; code: string; headId: string | null }) => ({ id: d.id, name: d.name, code: d.code, headId: d.headId });
const employeeView = (e: { id: string; name: string; role: Role; departmentId: string | null }) => ({
  id: e.id,
  name: e.name,
  role: e.role,
  departmentId: e.departmentId,
});

@ApiTags('organisation')
@Controller('api/v1')
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Post('departments')
  @Roles(Role.ADMIN)
  async createDepartment(@Body() dto: CreateDepartmentDto) {
    return departmentView(await this.organisation.createDepartment(dto));
  }

  @Get('departments')
  @PartnerScopes('customers:read')
  async listDepartments() {
    return { items: (await this.organisation.listDepartments()).map(departmentView), nextCursor: null };
  }

  @Get('departments/:id')
  @PartnerScopes('customers:read')
  async department(@Param('id', ParseUUIDPipe) id: string) {
    return departmentView(await this.organisation.department(id));
  }

  @Patch('departments/:id')
  @Roles(Role.ADMIN, Role.GENERAL_MANAGER)
  async updateDepartment(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDepartmentDto) {
    return departmentView(await this.organisation.updateDepartment(id, dto));
  }

  @Post('employees')
  @Roles(Role.ADMIN)
  async createEmployee(@Body() dto: CreateEmployeeDto) {
    return employeeView(await this.organisation.createEmployee(dto));
  }

  @Get('employees')
  @PartnerScopes('customers:read')
  async listEmployees(@Query() query: EmployeeQueryDto) {
    const page = await this.organisation.listEmployees({ departmentId: query.departmentId }, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
    return { items: page.items.map(employeeView), nextCursor: page.nextCursor };
  }

  @Get('employees/:id')
  @PartnerScopes('customers:read')
  async employee(@Param('id', ParseUUIDPipe) id: string) {
    return employeeView(await this.organisation.employee(id));
  }
}
