import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PatchType } from '../../common/patch-type';
import { IsNullable } from '../../common/validators';

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

export class UpdateGroupDto extends PatchType(CreateGroupDto) {}
