"""Schema hooks: what drf-spectacular cannot see from the views alone.

Every operation may answer with the API's one error shape (dyzo/api/exceptions.py): the
hook declares those answers, so that the committed schema lists every status code the API
really gives (docs/api.md).
"""

from rest_framework import status

ERROR = {
    "type": "object",
    "description": "The API's one error shape (docs/api.md).",
    "properties": {
        "detail": {"type": "string", "description": "One message for a person."},
        "code": {"type": "string", "description": "A stable word for a program."},
        "fields": {
            "type": "object",
            "description": "Messages per body field or query parameter.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["detail", "code", "fields"],
}
DESCRIPTIONS = {
    status.HTTP_400_BAD_REQUEST: "Invalid input, or a business rule refused the change.",
    status.HTTP_403_FORBIDDEN: "Not logged in, no second factor yet, or not allowed.",
    status.HTTP_404_NOT_FOUND: "No such object for this user, or an invalid cursor.",
    status.HTTP_409_CONFLICT: "A stale version: the object was changed in the meantime.",
}
UNSAFE = {"post", "put", "patch", "delete"}
# Services that check a `version` (optimistic locking) live under these paths.
VERSIONED_PREFIXES = ("/api/v1/dossiers/{id}/",)


def error_statuses(path: str, method: str) -> list[int]:
    statuses = [status.HTTP_400_BAD_REQUEST, status.HTTP_403_FORBIDDEN, status.HTTP_404_NOT_FOUND]
    if method in UNSAFE and path.startswith(VERSIONED_PREFIXES):
        statuses.append(status.HTTP_409_CONFLICT)
    return statuses


def document_errors(result, generator, request, public):
    """A postprocessing hook: the Error component and the error answers of every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for code in error_statuses(path, method):
                responses.setdefault(
                    str(code), {"content": reference, "description": DESCRIPTIONS[code]}
                )
    return result
