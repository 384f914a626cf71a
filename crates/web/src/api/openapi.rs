//! What every operation of the API has in common, added to the OpenAPI document in one pass,
//! [`Conventions`], so that no handler's attribute can forget it:
//!
//! - who may call it: the public content operations (tag [`PUBLIC_TAG`]) need no credentials;
//!   a rater's (tag [`RATER_TAG`]) need the rater's link token ([`LINK`]), a team-scan
//!   respondent's (tag [`RESPONDENT_TAG`]) theirs ([`SCAN_LINK`]); opening a shared link (tag
//!   [`SHARED_LINK_TAG`]) needs only the shared token in its path, and no header is looked at,
//!   so it has no 401; every other one needs the bearer token (or, from a page's script, the
//!   session cookie with `X-CSRF-Token`);
//! - the problem responses that the middleware and the extractors answer before or around a
//!   handler: 401 without valid credentials, 400 for a path, query or body that cannot be
//!   read (an extractor's 422 is answered as 400 too, see `Problem::for_status`), 404 for an
//!   id that names nothing the caller may see, 403 for a state change from another site,
//!   413 and 415 for a body that is too large or not JSON, and 500.
//!
//! A handler documents the responses only it can give (409, a 403 of its own on a read, a 404
//! without a path id, 429) in its own `#[utoipa::path]`, with a description that says when;
//! a response it declares itself is left as it is. The web test
//! `api::the_openapi_document_says_who_may_call_each_operation_and_how_it_can_fail`
//! holds the document to these rules.

use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{
    ContentBuilder, HeaderBuilder, ObjectBuilder, OpenApi, Ref, RefOr, Response, ResponseBuilder,
    SecurityRequirement, Type,
};

/// The tag of the public operations: the standard's content, readable without an account.
pub const PUBLIC_TAG: &str = "content";

/// The name of the security scheme of everything else.
pub const BEARER: &str = "bearer";

/// The tag of a rater's operations, which take the rater's link instead of an account.
pub const RATER_TAG: &str = "rater";

/// The name of the security scheme of the rater's operations: the link's token.
pub const LINK: &str = "link";

/// The tag of a team-scan respondent's operations, which take the respondent's link.
pub const RESPONDENT_TAG: &str = "respondent";

/// The name of the security scheme of the respondent's operations: their link's token.
pub const SCAN_LINK: &str = "scan-link";

/// The tag of opening a team scan's shared link: the token in the path is all it takes.
pub const SHARED_LINK_TAG: &str = "scan-links";

/// A problem response shared by many operations, kept once under `components/responses`.
struct Shared {
    status: &'static str,
    name: &'static str,
    description: &'static str,
}

const BAD_REQUEST: Shared = Shared {
    status: "400",
    name: "BadRequest",
    description: "The request cannot be used, and nothing was changed: a path segment, query \
        or JSON body that is malformed or breaks the schema, or a value the schema cannot judge \
        (an id or address that does not exist here). `code` says which.",
};
const UNAUTHORIZED: Shared = Shared {
    status: "401",
    name: "Unauthorized",
    description: "No valid credentials: no `Authorization: Bearer` token (nor a session), or \
        one that is unknown, revoked or malformed (`code` `unauthorized`); or a session cookie \
        whose session has ended, idle, too old or signed out elsewhere (`session-ended`): sign \
        in again.",
};
const UNKNOWN_TOKEN: Shared = Shared {
    status: "401",
    name: "UnknownToken",
    description: "This operation needs no credentials, but an `Authorization` header that is \
        sent must hold a valid token: an unknown, revoked or malformed one is refused. Leave \
        the header out.",
};
const FORBIDDEN: Shared = Shared {
    status: "403",
    name: "Forbidden",
    description: "Refused: a browser request from another site, or with a session but without \
        its `X-CSRF-Token` (`code` `cross-site`), or a role that does not allow this \
        (`forbidden`).",
};
const NOT_FOUND: Shared = Shared {
    status: "404",
    name: "NotFound",
    description: "Nothing with this id that the caller may see. Something that exists but is \
        not the caller's to see gets the same answer, so the answer reveals nothing.",
};
const TOO_LARGE: Shared = Shared {
    status: "413",
    name: "TooLarge",
    description: "The body is larger than the server reads (2 MB).",
};
const UNSUPPORTED_MEDIA_TYPE: Shared = Shared {
    status: "415",
    name: "UnsupportedMediaType",
    description: "The body is not sent as `Content-Type: application/json`.",
};
const INTERNAL: Shared = Shared {
    status: "500",
    name: "Internal",
    description: "The server failed; nothing is said about why (the cause is in its log).",
};

const ALL: [&Shared; 8] = [
    &BAD_REQUEST,
    &UNAUTHORIZED,
    &UNKNOWN_TOKEN,
    &FORBIDDEN,
    &NOT_FOUND,
    &TOO_LARGE,
    &UNSUPPORTED_MEDIA_TYPE,
    &INTERNAL,
];

/// A problem response: an RFC 9457 problem object.
fn problem(description: &str) -> ResponseBuilder {
    ResponseBuilder::new().description(description).content(
        "application/problem+json",
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("Problem")))
            .build(),
    )
}

fn shared_response(shared: &Shared) -> Response {
    let response = problem(shared.description);
    if shared.status == "401" {
        return response
            .header(
                "WWW-Authenticate",
                HeaderBuilder::new()
                    .schema(ObjectBuilder::new().schema_type(Type::String))
                    .description(Some("`Bearer`"))
                    .build(),
            )
            .build();
    }
    response.build()
}

/// The pass over the document; see the module's documentation.
pub struct Conventions;

impl utoipa::Modify for Conventions {
    fn modify(&self, openapi: &mut OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            BEARER,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A personal API token, made on the profile page or with `leidraad \
                         admin api-token`. A page's script may instead send the session cookie \
                         with the `X-CSRF-Token` header.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            LINK,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A rater's personal link token (the last part of the link in the \
                         invitation). The form page's script may instead send the \
                         `leidraad_link` cookie with the page's `X-CSRF-Token`. No \
                         credential is 401; an unknown token is 404.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            SCAN_LINK,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A team-scan respondent's link token: the last part of a mailed link, \
                         or the `token` that opening a shared link answers. The questionnaire \
                         page's script may instead send the `leidraad_scan` cookie with the \
                         page's `X-CSRF-Token`. No credential is 401; an unknown token is 404.",
                    ))
                    .build(),
            ),
        );
        for shared in ALL {
            components
                .responses
                .insert(shared.name.to_owned(), RefOr::T(shared_response(shared)));
        }
        // Every operation says for itself who may call it.
        openapi.security = None;
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                (false, &mut item.get),
                (false, &mut item.head),
                (true, &mut item.put),
                (true, &mut item.post),
                (true, &mut item.delete),
                (true, &mut item.patch),
            ];
            for (changes_state, operation) in operations {
                if let Some(operation) = operation {
                    apply(operation, changes_state);
                }
            }
        }
    }
}

fn apply(operation: &mut Operation, changes_state: bool) {
    let tagged = |name: &str| operation.tags.iter().flatten().any(|tag| tag == name);
    let public = tagged(PUBLIC_TAG);
    let shared_link = tagged(SHARED_LINK_TAG);
    let scheme = if tagged(RATER_TAG) {
        LINK
    } else if tagged(RESPONDENT_TAG) {
        SCAN_LINK
    } else {
        BEARER
    };
    operation.security = Some(if public || shared_link {
        Vec::new()
    } else {
        vec![SecurityRequirement::new(scheme, Vec::<String>::new())]
    });
    let parameters = operation.parameters.as_deref().unwrap_or_default();
    let has_parameters = !parameters.is_empty();
    let has_path_id = parameters
        .iter()
        .any(|p| p.parameter_in == ParameterIn::Path);
    let has_body = operation.request_body.is_some();

    // A shared link's route looks at no header at all: nothing there can be unauthorised.
    let mut shared = match (public, shared_link) {
        (_, true) => vec![],
        (true, false) => vec![&UNKNOWN_TOKEN],
        (false, false) => vec![&UNAUTHORIZED],
    };
    if has_parameters || has_body {
        shared.push(&BAD_REQUEST);
    }
    if has_path_id {
        shared.push(&NOT_FOUND);
    }
    if changes_state {
        shared.push(&FORBIDDEN);
    }
    if has_body {
        shared.extend([&TOO_LARGE, &UNSUPPORTED_MEDIA_TYPE]);
    }
    shared.push(&INTERNAL);
    for response in shared {
        operation
            .responses
            .responses
            .entry(response.status.to_owned())
            .or_insert_with(|| RefOr::Ref(Ref::from_response_name(response.name)));
    }
}
