import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** POST /customers/{id}/erasure: why the person's data is erased (kept in the audit trail, not in events). */
export class EraseCustomerDto {
  @ApiProperty({ example: '本人书面申请删除个人信息', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason: string;
}
