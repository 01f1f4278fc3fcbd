import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

// One class per input for REST (the body) and GraphQL (`…Input`), so both transports check the same way.

@InputType('LoginInput', { description: 'A sign-in: login and password' })
export class LoginDto {
  @ApiProperty({ example: 'wangfang' })
  @Field({ description: 'What the employee signs in with' })
  @IsString()
  @Length(1, 64)
  login: string;

  @ApiProperty({ example: 'correct horse battery staple', format: 'password' })
  @Field({ description: 'Their password' })
  @IsString()
  @Length(1, 256)
  password: string;
}

@InputType('RefreshTokenInput', { description: 'A refresh token, to exchange or to end its session' })
export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token of the last sign-in or refresh (each works once)' })
  @Field({ description: 'The refresh token of the last sign-in or refresh (each works once)' })
  @IsString()
  @Length(1, 200)
  refreshToken: string;
}

@InputType('SetPasswordInput', { description: "An employee's new password, set by an ADMIN" })
export class SetPasswordDto {
  @ApiProperty({ format: 'password', description: 'At least 10 characters, at most 256, not the login' })
  @Field({ description: 'At least 10 characters, at most 256, not the login' })
  @IsString()
  @Length(1, 256)
  password: string;
}

@InputType('ChangePasswordInput', { description: "The caller's current password and the one replacing it" })
export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @Field({ description: 'The password the caller signs in with now' })
  @IsString()
  @Length(1, 256)
  currentPassword: string;

  @ApiProperty({ format: 'password', description: 'At least 10 characters, at most 256, not the login' })
  @Field({ description: 'At least 10 characters, at most 256, not the login' })
  @IsString()
  @Length(1, 256)
  newPassword: string;
}
