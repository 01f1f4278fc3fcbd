import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'wangfang' })
  @IsString()
  @Length(1, 64)
  login: string;

  @ApiProperty({ example: 'correct horse battery staple', format: 'password' })
  @IsString()
  @Length(1, 256)
  password: string;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token of the last sign-in or refresh (each works once)' })
  @IsString()
  @Length(1, 200)
  refreshToken: string;
}

export class SetPasswordDto {
  @ApiProperty({ format: 'password', description: 'At least 10 characters, at most 256, not the login' })
  @IsString()
  @Length(1, 256)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 256)
  currentPassword: string;

  @ApiProperty({ format: 'password', description: 'At least 10 characters, at most 256, not the login' })
  @IsString()
  @Length(1, 256)
  newPassword: string;
}
