"""Data models of Pet Store Service."""

from __future__ import annotations

import enum

from pydantic import BaseModel, ConfigDict, Field


class ListPetsStatus(enum.StrEnum):
    """Values of the schema at ``/paths/~1v2~1{project_id}~1pets/get/parameters/2/schema`` of
    the API document.
    """

    AVAILABLE = "available"
    PENDING = "pending"
    SOLD = "sold"


class PetStatus(enum.StrEnum):
    """Status of a pet in the store."""

    AVAILABLE = "available"
    PENDING = "pending"
    SOLD = "sold"


class PetOwner(BaseModel):
    """The owner, inline."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id_: str | None = Field(default=None, validation_alias="id", serialization_alias="id")

    email: str | None = None


class Pet(BaseModel):
    """A pet.

    Source: ShowPet.html#ShowPet__response_Pet

    Attributes:
        id_: Pet ID.
        name: Name of the pet.
        owner: The owner, inline.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id_: str = Field(validation_alias="id", serialization_alias="id", description="Pet ID.")

    name: str = Field(description="Name of the pet.")

    status: PetStatus | None = None

    tags: list[str] | None = None

    age: int | None = None

    weight: float | None = None

    metadata: dict[str, str] | None = None

    owner: PetOwner | None = Field(default=None, description="The owner, inline.")


class CreatePetRequest(BaseModel):
    """The ``CreatePetRequest`` schema."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    pet: Pet


class Error(BaseModel):
    """The ``Error`` schema.

    Source: errors.html#table1
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    error_code: str | None = None

    error_msg: str | None = None


class Owner(BaseModel):
    """The ``Owner`` schema."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id_: str = Field(validation_alias="id", serialization_alias="id")

    name: str | None = None


class ListOwnersResponse(BaseModel):
    """Object at
    ``/paths/~1v2~1{project_id}~1owners/get/responses/200/content/application~1json/schema``
    of the API document.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    owners: list[Owner] | None = None


class ListPetsResponse(BaseModel):
    """The ``ListPetsResponse`` schema."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    count: int | None = None

    pets: list[Pet] | None = None
