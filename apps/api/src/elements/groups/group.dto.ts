import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNullable, IsOptionalNotNull } from '../../common/validators';

export class CreateGroupDto {
  @ApiProperty({ example: 'Berlin meetups' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  name!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsNullable()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;
}

export class UpdateGroupDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsNullable()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;
}
