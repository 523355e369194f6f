/**
 * Generated from openapi.json by openapi-typescript: do not edit.
 * Regenerate both with `npm run generate -w @peduli/api-client`.
 */

export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password: a short-lived access token and a single-use refresh token */
        post: operations["Auth_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for a new pair; a reused refresh token ends its whole session family */
        post: operations["Auth_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revokes the refresh token and every token of its session family */
        post: operations["Auth_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in account (or API token) and every role it holds, with its scope */
        get: operations["Auth_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["Health_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: PostgreSQL and Redis answer */
        get: operations["Health_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List regencies and cities, filtered by province, kind or time zone (no sign-in needed) */
        get: operations["Regions_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One regency or city by its official code, e.g. 64.71 (no sign-in needed) */
        get: operations["Regions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the submissions the caller may read, newest first, with filters
         * @description A Kanwil sees its province, a coordinator its regency/city, a unit operator its unit. Page with `cursor` (the previous page’s `nextCursor`, null on the last page); at most 100 a page. There is no total.
         */
        get: operations["Submissions_list"];
        put?: never;
        /**
         * Start a submission (DRAFT) for a regency/city and a reporting period
         * @description A unit operator or unit head sends its unit as `organisationId`; a coordinator may omit it to report for the regency/city as a whole.
         */
        post: operations["Submissions_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/compile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Coordinator: compile the regency/city’s KKP HAM submission from its units’ approved inputs (answers and accepted documents); units that disagree are listed (409) */
        post: operations["Submissions_compile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A submission with its documents, their check results, and its scores */
        get: operations["Submissions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Replace the answers (and contact) of a submission that is still editable; every answer is checked against the framework */
        patch: operations["Submissions_update"];
        trace?: never;
    };
    "/api/v1/submissions/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit for checking; the document check, scoring and notices follow asynchronously */
        post: operations["Submissions_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload one supporting document (multipart/form-data, streamed) with its metadata and indicators; quarantined until checked */
        post: operations["Submissions_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{id}/evidence/reuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a document the unit already uploaded (any submission or programme) to this submission; checked again */
        post: operations["Submissions_reuse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{id}/evidence/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a document from a submission that can still be edited (DRAFT, RETURNED, CHECK_FAILED) */
        delete: operations["Submissions_removeEvidence"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{id}/evidence/{documentId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a checked document: its sniffed type, always as an attachment; quarantined or rejected ones are refused (409) */
        get: operations["Submissions_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve at the current review stage (unit head, coordinator, Kanwil, centre). A unit’s input ends at its coordinator; a reporter’s own report goes on to the Kanwil (not for a K/L) and the centre (CENTRAL), whose approval verifies. The Kanwil may propose verified values and rejections, the centre sets the final ones */
        post: operations["Review_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send back with reason codes and a comment: to the reporter (returnTo REPORTER, the default), who corrects and submits again, or from the CENTRAL stage to the Kanwil (returnTo KANWIL; not for a K/L report) */
        post: operations["Review_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every review decision on the submission, oldest first, with the reasons in the request’s language */
        get: operations["Review_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{id}/workbook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the answers as an XLSX workbook to fill in offline
         * @description Sheet "Jawaban": one row per item the input covers (all the period’s indicators or measures; a unit’s input only what is assigned to it), with the current answers, data validation on the answer column (E, the only unlocked column) and, on a reporter’s own report whose items are assigned, the units per item. Sheet "Petunjuk": instructions in the request’s language and the submission id, version, framework version and download time.
         */
        get: operations["Workbook_download"];
        put?: never;
        /**
         * Upload a filled-in answer workbook: stored exactly as the same answers through PATCH would be
         * @description Answers are read by code (row order does not matter); an empty answer cell clears that answer, items not in the file keep theirs. Any wrong cell refuses the whole file (400, every problem named by its cell, e.g. field "Jawaban!E7"); formulas, macros and links to other files are refused; hidden and unknown sheets are ignored and listed in `notices`. A workbook of another submission is refused (400), one downloaded before someone else’s change too (409), as is a submission that can no longer be edited (409). Only an XLSX Content-Type is taken (415); over 5 MB is refused (413).
         */
        post: operations["Workbook_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organisations within the caller’s scope, filtered and paginated */
        get: operations["Organisations_list"];
        put?: never;
        /** Create an organisation in the place its kind belongs (national, province or regency/city) */
        post: operations["Organisations_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organisation */
        get: operations["Organisations_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename an organisation */
        patch: operations["Organisations_update"];
        trace?: never;
    };
    "/api/v1/organisations/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate an organisation (kept for history; no new submissions) */
        post: operations["Organisations_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts within the caller’s scope (by their organisation) */
        get: operations["Users_list"];
        put?: never;
        /**
         * Create an account, optionally with roles; its owner is mailed an invitation to set their own password (7 days)
         * @description A password is not accepted: nobody but the owner ever knows it.
         */
        post: operations["Users_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account with its roles */
        get: operations["Users_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an account’s display name or language */
        patch: operations["Users_update"];
        trace?: never;
    };
    "/api/v1/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate an account: its tokens stop working at once and its sessions are revoked */
        post: operations["Users_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a role over a scope; only within the caller’s own scope and never a broader role */
        post: operations["Users_addRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/roles/{assignmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a role away; needs the same right as giving it */
        delete: operations["Users_removeRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail the invitation again (a new link; earlier ones stop working), while the owner has not set a password */
        post: operations["Users_resendInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your own password (the current one is required); every other session of the account ends
         * @description Send this client’s refresh token to keep its session; without it, every session ends.
         */
        post: operations["Accounts_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a password-reset link by email (valid 30 minutes); the same answer whether or not the address has an account */
        post: operations["Accounts_requestReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the token from a reset link; the token is used up and every session ends */
        post: operations["Accounts_confirmReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set your first password with the token from an invitation; the account becomes active */
        post: operations["Accounts_acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every API token, newest first, revoked ones included; never the tokens themselves */
        get: operations["ApiTokens_list"];
        put?: never;
        /**
         * Create an API token with one role over one scope; the response is the only time the token is shown
         * @description Only a signed-in national admin can create one: an API token cannot create API tokens (403).
         */
        post: operations["ApiTokens_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token; it stops working at once (revoking it again changes nothing) */
        delete: operations["ApiTokens_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit entries with filters, newest first
         * @description National admins see the whole trail, a Kanwil the changes made in its province. Page with `cursor` (the previous page's `nextCursor`, null on the last page). There is no total: counting a trail that only grows costs a scan of it.
         */
        get: operations["Audit_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Framework versions, newest first (without their content) */
        get: operations["Frameworks_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/versions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version with its content and its current validation problems */
        get: operations["Frameworks_get"];
        /** Replace a DRAFT’s content; the answer lists what must still be fixed before publishing */
        put: operations["Frameworks_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/versions/{id}/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a new DRAFT version as an editable copy of this one */
        post: operations["Frameworks_draftFrom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/versions/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a DRAFT: refused with every problem listed if it is not valid; frozen afterwards. Cycles named in adoptInCycles switch to it and are recalculated */
        post: operations["Frameworks_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/versions/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a PUBLISHED version that no cycle pins any more; its snapshots and history stay */
        post: operations["Frameworks_retire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/versions/{id}/what-if": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score this version (a DRAFT too) against a cycle’s current answers without storing anything; lists the band changes it would cause */
        post: operations["Frameworks_whatIfScore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/versions/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a version as a file (JSON, YAML or XLSX) that imports back to the same content. A draft whose content does not fit the file structure is refused as XLSX (409, with its problems) but still given as JSON or YAML */
        get: operations["FrameworkFiles_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a file as a new DRAFT: the next version of its framework code (1 for a new code). Refused with every problem (400), for a code of another programme (409), an unknown Content-Type (415) or a file over 5 MB (413) */
        post: operations["FrameworkFiles_importNew"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/versions/{id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a DRAFT’s label and content with a file of the same programme and framework code. Refused with every problem (400); 409 for a PUBLISHED or RETIRED version */
        post: operations["FrameworkFiles_importInto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cycles, newest year first */
        get: operations["Cycles_list"];
        put?: never;
        /** Open a cycle pinned to a published version; submissions already made for its year are rescored */
        post: operations["Cycles_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One cycle */
        get: operations["Cycles_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{id}/decree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Record the decree of a KKP HAM cycle (number and date): its results become final
         * @description Once recorded, the cycle’s current scores show as final, and its version can no longer be switched nor its adjustments changed. Recording the same decree again changes nothing; a different number or date corrects it (audited).
         */
        patch: operations["Cycles_recordDecree"];
        trace?: never;
    };
    "/api/v1/cycles/{id}/framework-version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Switch the cycle to another published version and rescore its submissions (old snapshots stay) */
        put: operations["Cycles_switchVersion"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{cycleId}/periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cycle’s periods and their deadlines, shown in every zone */
        get: operations["Periods_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{cycleId}/periods/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a period’s opening date and deadline (a local date, optionally a time: each unit’s deadline is that moment in its zone) */
        put: operations["Periods_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{cycleId}/periods/{code}/extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The extensions granted for a period, latest deadline first, those within the caller’s scope (admins and the centre all, the Kanwil its province) */
        get: operations["Periods_extensions"];
        put?: never;
        /** Give a reporter (a regency/city, a province or a ministry) or one of its units until a later instant to submit, with a reason (admins; the Kanwil of the province for a regency/city or a province; the central verifier for any, a ministry included) */
        post: operations["Periods_extend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{cycleId}/reminder-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cycle’s reminder policy (offsets before each deadline in days or minutes, local send time, overdue notice, escalation, weekly digest, grace) */
        get: operations["ReminderPolicy_get"];
        /** Set the cycle’s reminder policy; fields left out keep their current value */
        put: operations["ReminderPolicy_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recalculations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Runs, newest first */
        get: operations["Recalculations_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recalculations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress (total, done, failed, started, finished) and the subjects whose band changed */
        get: operations["Recalculations_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/completeness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Units by status and deadline for a cycle’s period, filterable by province and regency/city, or a ministry’s or a Biro Hukum’s report and units (organisationId), within the caller’s scope */
        get: operations["Completeness_matrix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Current scores of a region or unit (one per submission), optionally for one cycle or period
         * @description Give `regionCode` or `organisationId` (or both).
         */
        get: operations["Scores_current"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scores/reporters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Current scores of a cycle’s reporters in the caller’s scope (their own reports, not their units’ inputs), optionally of one period, province or band */
        get: operations["Scores_reporters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scores/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every snapshot of a region or unit, oldest first: rescoring adds snapshots, never replaces them */
        get: operations["Scores_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scores/ranham-yearly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A reporter’s yearly RANHAM score: the mean of the year’s periods (a missing one counts 0, flagged NOT_REPORTED), its level, target and whether it meets it
         * @description Give `regionCode` (a regency/city) or `organisationId` (a ministry or a province’s Biro Hukum), not both. From the current scores of the reporter’s own reports, not its units’ inputs.
         */
        get: operations["Scores_ranhamYearly"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scores/ranham-yearly/regencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The yearly RANHAM score of every regency/city in the caller’s scope with a scored report that year, optionally of one province */
        get: operations["Scores_ranhamYearlyOfRegencies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scores/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One snapshot */
        get: operations["Scores_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scores/{id}/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Why a score is what it is: each indicator’s points and rule (or reason for 0), subtotals per type and criterion, adjustments with their value, cap, reason and source, total and band */
        get: operations["Scores_explain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/printed-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Printed documents in the caller’s scope, newest first, optionally of one cycle, regency/city, organisation or kind */
        get: operations["PrintedReports_list"];
        put?: never;
        /**
         * Ask for a printed document: a KKP HAM score report or a RANHAM period report of a scored submission, or a reporter’s RANHAM yearly summary
         * @description Answers 202 with the request (PENDING until the report worker has made it). With nothing changed since an earlier request (the same score snapshots, the same decree, for a period report the same supporting documents by name) it answers 200 with that request instead, READY or still PENDING. Certificates are made when a cycle’s decree is recorded.
         */
        post: operations["PrintedReports_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/printed-reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One printed document’s request: its status, file name and content hash */
        get: operations["PrintedReports_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/printed-reports/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a READY printed document as a PDF attachment; 409 while it is being made or when it could not be made */
        get: operations["PrintedReports_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{id}/adjustments/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a central adjustment (bonus or penalty) of a regency/city’s KKP HAM report, with its reason and source; the report is rescored
         * @description The value is in units when the rule has points per unit, otherwise in points (at most 100). A value above the cap is kept and capped when scored. Repeating the same value and source changes nothing.
         */
        put: operations["Adjustments_set"];
        post?: never;
        /** Remove a central adjustment, with the reason; the report is rescored */
        delete: operations["Adjustments_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{id}/adjustments/aksi-ham-bonus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply the Aksi HAM bonus to a KKP HAM cycle: each scored regency/city gets the points its RANHAM yearly score of the cycle’s data year earns under the rule’s bands
         * @description Needs an adjustment rule with `source: {programme: RANHAM, yearlyScoreBands}` in the cycle’s version. Running it again changes only what moved; changed reports are rescored.
         */
        post: operations["Adjustments_applyAksiHamBonus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{id}/provinces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each province of a KKP HAM cycle: its regencies/cities counted, how many are PEDULI, the share, and whether it qualifies as pembina (and why not)
         * @description The rule is the version’s `rules.pembina` (by default at least 60% PEDULI and nothing else). Only provinces the caller’s scope covers whole are listed.
         */
        get: operations["Awards_provinces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Current scores of a cycle’s subjects in scope, one row each, with a column per criterion (KKP HAM) or per component and action (RANHAM) */
        get: operations["Exports_exportScores"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/completeness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The completeness matrix of a cycle’s period: the rows of GET /completeness, optionally only one status or only the late units */
        get: operations["Exports_exportCompleteness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit entries between two instants (inclusive), oldest first, in the caller’s scope */
        get: operations["Exports_exportAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/kkp-ham/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The data years whose KKP HAM results a decree has made public
         * @description No sign-in. Cacheable: `Cache-Control: public, max-age=300` and an `ETag`; send it back in `If-None-Match` for a 304. Rate-limited per client address (429 with `Retry-After`).
         */
        get: operations["PublicResults_years"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/kkp-ham/results/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One data year’s decreed results: each regency’s or city’s band, and each province’s counts by band
         * @description 404 (publicResults.notAnnounced) until the decree of the year’s cycle is recorded. No sign-in. Cacheable: `Cache-Control: public, max-age=300` and an `ETag`; send it back in `If-None-Match` for a 304. Rate-limited per client address (429 with `Retry-After`).
         */
        get: operations["PublicResults_year"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/kkp-ham/regions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A regency’s or city’s band in every decreed data year it has a result for
         * @description No sign-in. Cacheable: `Cache-Control: public, max-age=300` and an `ETag`; send it back in `If-None-Match` for a 304. Rate-limited per client address (429 with `Retry-After`).
         */
        get: operations["PublicResults_region"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The indicators or action measures most often returned or rejected by reviewers in a cycle (optionally one period), within the caller’s scope
         * @description Counts the return reasons that name a code and the rejections set with approvals, over every review stage.
         */
        get: operations["Dashboard_returns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/timeliness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How a cycle’s period’s reports stand against their deadline, as counts, within the caller’s scope
         * @description The reporters’ own reports of GET /completeness (regencies/cities), counted by timeliness rather than listed.
         */
        get: operations["Dashboard_timeliness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A reporter’s units and every assignable item of the cycle’s framework version with the units assigned and the lead, and the answer codes no unit covers; readable by the reporter’s coordinators and its units’ users */
        get: operations["Assignments_view"];
        /** Replace the reporter’s whole set for the cycle (whoever may compile its report, or a national admin); every bad item is named (items[3].code, items[3].unitIds[1]) and nothing is written */
        put: operations["Assignments_replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignments/copy-forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Copy the reporter’s set from its latest earlier cycle of the programme into this one, dropping items the cycle’s version lacks and deactivated units (listed); 409 when this cycle already has a set */
        post: operations["Assignments_copyForward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{cycleId}/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The KKP HAM cycle’s milestones, with the usual dates where none was set */
        get: operations["Milestones_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{cycleId}/milestones/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Move one milestone; the steps must stay in order. Moving the input close moves the TAHUNAN deadline and re-plans reminders */
        put: operations["Milestones_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{cycleId}/periods/{code}/internal-deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The internal deadlines coordinators set for this period */
        get: operations["InternalDeadlines_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{cycleId}/periods/{code}/internal-deadlines/{reporter}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the internal deadline for the units of a reporter: a regency/city’s OPD, a ministry’s directorates, a province’s OPD (its coordinator, or an admin); must fall before the official one */
        put: operations["InternalDeadlines_set"];
        post?: never;
        /** Drop the internal deadline: the units count down to the official deadline again */
        delete: operations["InternalDeadlines_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{cycleId}/periods/{code}/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Planned, sent, skipped and failed reminders of a period, by unit, within the caller’s scope, with totals per status */
        get: operations["Reminders_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a sent, skipped or failed reminder again now, with a reason (audited); it gets a new Message-ID */
        post: operations["Reminders_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        SignInBody: {
            /** @example admin@peduli.local */
            email: string;
            /** @example kata-sandi-rahasia */
            password: string;
            /** @description For the web app: true puts the refresh token in an HttpOnly, SameSite=Strict cookie (Path=/api/v1/auth) instead of the body, so no script can read it */
            cookie?: boolean;
        };
        TokenPairView: {
            /** @description Send it as `Authorization: Bearer <accessToken>` */
            accessToken: string;
            /**
             * @example Bearer
             * @enum {string}
             */
            tokenType: "Bearer";
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
            /** @description Single use: each refresh returns a new one. Absent in cookie mode, where the cookie carries it */
            refreshToken?: string;
        };
        FieldProblemBody: {
            /**
             * @description The request field (dotted path) the problem is about
             * @example answers.A1
             */
            field: string;
            /**
             * @description What is wrong and what to send instead
             * @example harus berupa angka 0 atau lebih
             */
            problem: string;
            /**
             * @description Uploaded spreadsheets only: the sheet
             * @example Indikator
             */
            sheet?: string;
            /**
             * @description Uploaded spreadsheets only: the 1-based row
             * @example 7
             */
            row?: number;
            /**
             * @description Uploaded spreadsheets only: the column letter
             * @example C
             */
            column?: string;
            /**
             * @description Uploaded spreadsheets only: the column header
             * @example Bobot
             */
            header?: string;
        };
        ErrorResponse: {
            /** @example 400 */
            statusCode: number;
            /**
             * @description The HTTP status name
             * @example BAD_REQUEST
             */
            error: string;
            /**
             * @description Why, stable for clients to act on (the message text is for people and changes with the language): the message key, or `http.<status>` for an error without one
             * @example submission.alreadyExists
             */
            code: string;
            /**
             * @description What to fix, in the request’s language
             * @example Permintaan tidak valid: periksa kolom yang disebut di bawah.
             */
            message: string;
            /**
             * @description The values the message names, by name (e.g. the existing report’s `id` with `submission.alreadyExists`); absent when it names none
             * @example {
             *       "id": "0b6f0a52-3c55-4f0e-9d0e-0d7b8a3c1f21",
             *       "status": "DRAFT",
             *       "regionCode": "64.71",
             *       "periodKey": "2026-TAHUNAN"
             *     }
             */
            details?: {
                [key: string]: string | number;
            };
            /** @description Invalid input only: every problem, field by field */
            problems?: components["schemas"]["FieldProblemBody"][];
            /**
             * @description Quote it when asking for help; it is in the logs
             * @example 5b0f3c1e-7d1a-4d55-9a52-0f4c2a1b7e10
             */
            requestId: string;
        };
        RefreshBody: {
            /** @description The refresh token from sign-in or the last refresh; leave it out when the browser sends the refresh cookie */
            refreshToken?: string;
        };
        ActorView: {
            /**
             * @description USER for a signed-in account, API_TOKEN for a machine
             * @enum {string}
             */
            type: "USER" | "API_TOKEN" | "SYSTEM" | "ANONYMOUS";
            /** @description The account id or the API token id */
            id: string | null;
        };
        ScopeView: {
            /** @example 64 */
            provinceCode: string | null;
            /** @example 64.71 */
            regionCode: string | null;
            /** Format: uuid */
            organisationId: string | null;
        };
        GrantView: {
            /** @enum {string} */
            role: "NATIONAL_ADMIN" | "KANWIL_VERIFIER" | "CENTRAL_VERIFIER" | "COORDINATOR" | "UNIT_HEAD" | "UNIT_OPERATOR" | "VIEWER";
            /** @description Where the role applies; all null for a national role */
            scope: components["schemas"]["ScopeView"];
        };
        MeView: {
            actor: components["schemas"]["ActorView"];
            /** @description Null when the caller is an API token */
            user?: {
                /** Format: uuid */
                id: string;
                email: string;
                displayName: string;
                /**
                 * @description The language of the account’s mails: id or en
                 * @example id
                 */
                locale: string;
                /** Format: uuid */
                organisationId: string | null;
            } | null;
            roles: components["schemas"]["GrantView"][];
        };
        LivenessView: {
            /** @enum {string} */
            status: "ok";
        };
        DependencyCheckView: {
            /** @enum {string} */
            status: "up" | "down";
            /** @description Why it is down */
            error?: string;
        };
        ReadinessChecksView: {
            database: components["schemas"]["DependencyCheckView"];
            redis: components["schemas"]["DependencyCheckView"];
        };
        ReadinessView: {
            /**
             * @description ok only when every dependency is up
             * @enum {string}
             */
            status: "ok" | "error";
            checks: components["schemas"]["ReadinessChecksView"];
        };
        RegionView: {
            /** @example 64.71 */
            code: string;
            /** @example Kota Balikpapan */
            name: string;
            /** @enum {string} */
            kind: "KABUPATEN" | "KOTA";
            /** @example 64 */
            provinceCode: string;
            /** @example Kalimantan Timur */
            provinceName: string;
            /** @enum {string} */
            timeZone: "WIB" | "WITA" | "WIT";
            /** @example Asia/Makassar */
            ianaZone: string;
        };
        RegionPage: {
            items: components["schemas"]["RegionView"][];
            /** @example 1 */
            page: number;
            /** @example 50 */
            pageSize: number;
            /** @description Regencies and cities matching, over all pages */
            total: number;
        };
        SubmissionSummary: {
            /** Format: uuid */
            id: string;
            /**
             * @description The province of a province’s or regency/city’s report; null for a K/L report
             * @example 64
             */
            provinceCode: string | null;
            /**
             * @description The regency/city; null for a province’s or a ministry’s report
             * @example 64.71
             */
            regionCode: string | null;
            /** Format: uuid */
            organisationId: string | null;
            /**
             * @description The RANHAM reporter level the report counts at; null for an organisation that is no RANHAM reporter
             * @enum {string|null}
             */
            reporterLevel: "KL" | "PROVINCE" | "KABKOTA" | null;
            /** @enum {string} */
            programme: "KKP_HAM" | "RANHAM";
            /** @example 2026-B08 */
            periodKey: string;
            /** @enum {string} */
            status: "DRAFT" | "SUBMITTED" | "CHECKING" | "CHECK_FAILED" | "IN_REVIEW" | "RETURNED" | "VERIFIED" | "SCORED";
            /**
             * @description While IN_REVIEW: the stage whose turn it is
             * @enum {string|null}
             */
            reviewStage: "UNIT_HEAD" | "COORDINATOR" | "KANWIL" | "CENTRAL" | null;
            /** Format: date-time */
            submittedAt: string | null;
            submitCount: number;
            late: boolean;
            /**
             * Format: uuid
             * @description A duplicate settled by the one-report-a-year rule: the report kept
             */
            supersededBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SubmissionPage: {
            items: components["schemas"]["SubmissionSummary"][];
            /** @example 50 */
            pageSize: number;
            /**
             * @description Pass as `cursor` for the next (older) submissions; null on the last page
             * @example 2026-08-03T02:15:07.123456Z_3f0c8a52-6d1e-4b7a-9c41-2a7e5d9b0c13
             */
            nextCursor: string | null;
        };
        CreateSubmissionBody: {
            /**
             * @description Official regency/city code: the regency/city reporting as itself, or (optional) the regency/city of `organisationId`. Required unless `organisationId` is given
             * @example 64.71
             */
            regionCode?: string;
            /** @enum {string} */
            programme: "KKP_HAM" | "RANHAM";
            /**
             * @description Year and period code: 2026-B04/B08/B12 (RANHAM) or 2026-TAHUNAN (KKP HAM)
             * @example 2026-B08
             */
            periodKey: string;
            /**
             * Format: uuid
             * @description The reporting organisation: a ministry or its directorate (K/L), a province’s Biro Hukum or OPD, or an organisation of a regency/city; omit for a regency/city as a whole. RANHAM is not reported by a Kanwil, company, university or NGO, and KKP HAM only by regencies/cities and their organisations. Required for unit operators and unit heads, whose roles cover their unit only
             * @example 3f0c8a52-6d1e-4b7a-9c41-2a7e5d9b0c13
             */
            organisationId?: string;
            /**
             * @description Self-assessed answers by indicator code
             * @example {
             *       "K1.1": true,
             *       "K6.3": 82.5
             *     }
             */
            answers?: Record<string, never>;
            /**
             * @description Where notices about this submission go
             * @example bagian.hukum@balikpapan.go.id
             */
            contactEmail?: string;
        };
        BilingualText: {
            /** @example Dokumen pendukung indikator K1.S1 belum diunggah. */
            id: string;
            /** @example No supporting document was uploaded for indicator K1.S1. */
            en: string;
        };
        CheckProblemView: {
            /** @example INDICATOR_EVIDENCE_MISSING */
            code: string;
            /** @example K1.S1 */
            indicatorCode?: string;
            message: components["schemas"]["BilingualText"];
        };
        DocumentView: {
            id: string;
            /** @enum {string} */
            documentType: "PERDA" | "PERBUP_PERWAL" | "SK" | "SURAT_EDARAN" | "RENSTRA" | "RKPD" | "DPA" | "LAPORAN" | "NOTULEN" | "DAFTAR_HADIR" | "FOTO" | "DATA_STATISTIK" | "DAFTAR_PENERIMA_MANFAAT" | "SURAT_PENGANTAR" | "OTHER";
            originalName: string;
            title: string | null;
            legalNumber: string | null;
            legalDate: string | null;
            periodCovered: string | null;
            indicatorCodes: string[];
            sizeBytes: number;
            sha256: string;
            /** @enum {string} */
            status: "QUARANTINED" | "ACCEPTED" | "REJECTED";
            sniffedMime: string | null;
            checkReasons: string[];
            /** @description Findings that do not reject the document (e.g. PDF_JAVASCRIPT) */
            checkFlags: string[];
        };
        ScoreView: {
            /** Format: uuid */
            id: string;
            frameworkVersion: string;
            /**
             * @description VERIFIED when a reviewer’s value counted for at least one indicator
             * @example SELF_ASSESSED
             */
            basis: string;
            /** @example 72.5 */
            total: number;
            band: string;
            /** Format: date-time */
            createdAt: string;
        };
        SubmissionView: {
            /** Format: uuid */
            id: string;
            /**
             * @description The province of a province’s or regency/city’s report; null for a K/L report
             * @example 64
             */
            provinceCode: string | null;
            /**
             * @description The regency/city; null for a province’s or a ministry’s report
             * @example 64.71
             */
            regionCode: string | null;
            /** Format: uuid */
            organisationId: string | null;
            /**
             * @description The RANHAM reporter level the report counts at; null for an organisation that is no RANHAM reporter
             * @enum {string|null}
             */
            reporterLevel: "KL" | "PROVINCE" | "KABKOTA" | null;
            /** @enum {string} */
            programme: "KKP_HAM" | "RANHAM";
            /** @example 2026-B08 */
            periodKey: string;
            /** @enum {string} */
            status: "DRAFT" | "SUBMITTED" | "CHECKING" | "CHECK_FAILED" | "IN_REVIEW" | "RETURNED" | "VERIFIED" | "SCORED";
            /** @description Self-assessed answers by indicator code */
            answers: {
                [key: string]: number | boolean | (string | null);
            };
            /**
             * @description While IN_REVIEW: the stage whose turn it is
             * @enum {string|null}
             */
            reviewStage: "UNIT_HEAD" | "COORDINATOR" | "KANWIL" | "CENTRAL" | null;
            /** @description Values the Kanwil set; they count instead of the answers */
            verifiedAnswers: {
                [key: string]: number | boolean | (string | null);
            };
            /** @description Answers the Kanwil rejected, with the reason code */
            rejections: {
                [key: string]: string;
            };
            contactEmail: string | null;
            /** Format: date-time */
            submittedAt: string | null;
            submitCount: number;
            /**
             * @description Grows with every change; send it back with PATCH to refuse overwriting someone else’s change
             * @example 3
             */
            version: number;
            /** @description Submitted after the unit’s deadline, within an extension (server time) */
            late: boolean;
            /** @description Problems of the submission as a whole from the document check, e.g. INDICATOR_EVIDENCE_MISSING */
            checkProblems: components["schemas"]["CheckProblemView"][];
            documents: components["schemas"]["DocumentView"][];
            scores: components["schemas"]["ScoreView"][];
            /**
             * @description A unit’s input whose reporter assigns items in the cycle: the answer codes (indicator or measure codes of the period) assigned to the unit, the only ones it may answer (GET /assignments shows the set). null for a reporter’s own report and for a unit whose reporter assigns nothing
             * @example [
             *       "K1.S1",
             *       "K1.P1"
             *     ]
             */
            assignedCodes: string[] | null;
        };
        CompileBody: {
            /**
             * @default KKP_HAM
             * @enum {string}
             */
            programme: "KKP_HAM" | "RANHAM";
            /**
             * @description The regency/city whose report is compiled; required unless `organisationId` is given
             * @example 64.71
             */
            regionCode?: string;
            /**
             * Format: uuid
             * @description The ministry (MINISTRY) or the province’s Biro Hukum (BIRO_HUKUM) whose report is compiled
             */
            organisationId?: string;
            /**
             * @description e.g. 2026-TAHUNAN (KKP HAM) or 2026-B08 (RANHAM)
             * @example 2026-TAHUNAN
             */
            periodKey: string;
            /**
             * @description The coordinator’s own answers for the compiled report, by indicator (KKP HAM) or measure code (RANHAM), checked against the framework like PATCH answers and applied before the units’ answers are merged: an answer given here stands over the units’, so it settles a disagreement in the same call (null clears the report’s own answer, letting the units’ answer in again). Nothing is written when the compilation is refused.
             * @example {
             *       "K2.S1": true
             *     }
             */
            answers?: {
                [key: string]: number | boolean | (string | null);
            };
        };
        CompiledFromView: {
            /**
             * Format: uuid
             * @description The unit’s approved submission
             */
            submissionId: string;
            /** Format: uuid */
            organisationId: string;
            /**
             * @description The indicators whose answers came from this unit
             * @example [
             *       "K1.S1"
             *     ]
             */
            indicatorCodes: string[];
            /** @description How many of its accepted documents were attached */
            documents: number;
        };
        CompiledSubmissionView: {
            /** Format: uuid */
            id: string;
            /**
             * @description The province of a province’s or regency/city’s report; null for a K/L report
             * @example 64
             */
            provinceCode: string | null;
            /**
             * @description The regency/city; null for a province’s or a ministry’s report
             * @example 64.71
             */
            regionCode: string | null;
            /** Format: uuid */
            organisationId: string | null;
            /**
             * @description The RANHAM reporter level the report counts at; null for an organisation that is no RANHAM reporter
             * @enum {string|null}
             */
            reporterLevel: "KL" | "PROVINCE" | "KABKOTA" | null;
            /** @enum {string} */
            programme: "KKP_HAM" | "RANHAM";
            /** @example 2026-B08 */
            periodKey: string;
            /** @enum {string} */
            status: "DRAFT" | "SUBMITTED" | "CHECKING" | "CHECK_FAILED" | "IN_REVIEW" | "RETURNED" | "VERIFIED" | "SCORED";
            /** @description Self-assessed answers by indicator code */
            answers: {
                [key: string]: number | boolean | (string | null);
            };
            /**
             * @description While IN_REVIEW: the stage whose turn it is
             * @enum {string|null}
             */
            reviewStage: "UNIT_HEAD" | "COORDINATOR" | "KANWIL" | "CENTRAL" | null;
            /** @description Values the Kanwil set; they count instead of the answers */
            verifiedAnswers: {
                [key: string]: number | boolean | (string | null);
            };
            /** @description Answers the Kanwil rejected, with the reason code */
            rejections: {
                [key: string]: string;
            };
            contactEmail: string | null;
            /** Format: date-time */
            submittedAt: string | null;
            submitCount: number;
            /**
             * @description Grows with every change; send it back with PATCH to refuse overwriting someone else’s change
             * @example 3
             */
            version: number;
            /** @description Submitted after the unit’s deadline, within an extension (server time) */
            late: boolean;
            /** @description Problems of the submission as a whole from the document check, e.g. INDICATOR_EVIDENCE_MISSING */
            checkProblems: components["schemas"]["CheckProblemView"][];
            documents: components["schemas"]["DocumentView"][];
            scores: components["schemas"]["ScoreView"][];
            /**
             * @description A unit’s input whose reporter assigns items in the cycle: the answer codes (indicator or measure codes of the period) assigned to the unit, the only ones it may answer (GET /assignments shows the set). null for a reporter’s own report and for a unit whose reporter assigns nothing
             * @example [
             *       "K1.S1",
             *       "K1.P1"
             *     ]
             */
            assignedCodes: string[] | null;
            compiledFrom: components["schemas"]["CompiledFromView"][];
        };
        UpdateSubmissionBody: {
            /**
             * @description All self-assessed answers by indicator code (replaces the previous ones)
             * @example {
             *       "K1.S1": true,
             *       "K1.P1": 82.5
             *     }
             */
            answers?: Record<string, never>;
            /** @example bagian.hukum@balikpapan.go.id */
            contactEmail?: string;
            /**
             * @description The `version` the change was made on; when the submission has moved on since, the change is refused with 409 and nothing is written
             * @example 3
             */
            version?: number;
        };
        EvidenceUploadForm: {
            /**
             * @description What kind of supporting document this is
             * @enum {string}
             */
            documentType: "PERDA" | "PERBUP_PERWAL" | "SK" | "SURAT_EDARAN" | "RENSTRA" | "RKPD" | "DPA" | "LAPORAN" | "NOTULEN" | "DAFTAR_HADIR" | "FOTO" | "DATA_STATISTIK" | "DAFTAR_PENERIMA_MANFAAT" | "SURAT_PENGANTAR" | "OTHER";
            /** @example Peraturan Wali Kota tentang Bantuan Hukum */
            title?: string;
            /** @example Perwal No. 12 Tahun 2025 */
            legalNumber?: string;
            /** @example 2025-03-14 */
            legalDate?: string;
            /** @example Januari-April 2025 */
            periodCovered?: string;
            /**
             * @description The indicators (KKP HAM) or success measures (RANHAM, e.g. AKSI-2025-01.B04.1; the action code under a version of the old shape) this document backs, comma-separated
             * @example K1.S1,K1.P1
             */
            indicatorCodes?: string[];
            /** Format: binary */
            file: string;
        };
        ReuseEvidenceBody: {
            /** @description A document of the same unit, from any of its submissions (any programme) */
            documentId: string;
            /**
             * @example [
             *       "K6.S1"
             *     ]
             */
            indicatorCodes?: string[];
        };
        ApproveBody: {
            /** @example Sudah sesuai. */
            comment?: string;
            /**
             * @description KANWIL and CENTRAL stages only: values that count instead of the self-assessed ones (both are kept). The Kanwil’s are a proposal the centre sees; the centre’s are final. Given, they replace the earlier stage’s set; left out, the earlier set stands.
             * @example {
             *       "K6.P1": 40
             *     }
             */
            verifiedAnswers?: Record<string, never>;
            /**
             * @description KANWIL and CENTRAL stages only: answers that do not hold up, with the reason; they score 0. Replaces or keeps the earlier set as verifiedAnswers does.
             * @example {
             *       "K2.S1": "MISSING_SIGNATURE_OR_LETTERHEAD"
             *     }
             */
            rejections?: Record<string, never>;
        };
        ReturnReasonItem: {
            /** @enum {string} */
            code: "WRONG_FORMAT" | "NIHIL_INSTEAD_OF_NUMBER" | "MISSING_MINUTES" | "MISSING_SIGNATURE_OR_LETTERHEAD" | "EVIDENCE_NOT_MATCHING" | "WRONG_PERIOD" | "INCOMPLETE" | "OTHER";
            /**
             * @description The indicator or action the reason is about
             * @example K6.P1
             */
            indicatorCode?: string;
        };
        ReturnBody: {
            reasons: components["schemas"]["ReturnReasonItem"][];
            /** @example Notulen rapat koordinasi belum dilampirkan. */
            comment: string;
            /**
             * @description REPORTER: the report is RETURNED for the reporter to correct. KANWIL (from the CENTRAL stage only, not for a K/L report): back to the Kanwil’s review, still IN_REVIEW
             * @default REPORTER
             * @enum {string}
             */
            returnTo: "REPORTER" | "KANWIL";
        };
        ReviewReasonView: {
            /** @enum {string} */
            code: "WRONG_FORMAT" | "NIHIL_INSTEAD_OF_NUMBER" | "MISSING_MINUTES" | "MISSING_SIGNATURE_OR_LETTERHEAD" | "EVIDENCE_NOT_MATCHING" | "WRONG_PERIOD" | "INCOMPLETE" | "OTHER";
            /** @example K6.P1 */
            indicatorCode?: string;
            /** @description The reason in the request’s language */
            message: string;
        };
        ReviewView: {
            /** Format: uuid */
            id: string;
            /** @description Which submission round the decision was about */
            submitCount: number;
            /** @enum {string} */
            stage: "UNIT_HEAD" | "COORDINATOR" | "KANWIL" | "CENTRAL";
            /** @enum {string} */
            decision: "APPROVED" | "RETURNED" | "VERIFIED";
            /**
             * @description A return’s target: the reporter, or (from the centre) the Kanwil
             * @enum {string|null}
             */
            returnTo: "REPORTER" | "KANWIL" | null;
            /** @description The verified values this approval set (the Kanwil’s proposal or the centre’s final set) */
            verifiedAnswers: {
                [key: string]: number | boolean | (string | null);
            } | null;
            /** @description The rejections this approval set */
            rejections: {
                [key: string]: "WRONG_FORMAT" | "NIHIL_INSTEAD_OF_NUMBER" | "MISSING_MINUTES" | "MISSING_SIGNATURE_OR_LETTERHEAD" | "EVIDENCE_NOT_MATCHING" | "WRONG_PERIOD" | "INCOMPLETE" | "OTHER";
            } | null;
            reasons: components["schemas"]["ReviewReasonView"][];
            comment: string | null;
            /** Format: uuid */
            reviewerId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        WorkbookNoticeView: {
            /**
             * @example HIDDEN_SHEET_IGNORED
             * @enum {string}
             */
            code: "HIDDEN_SHEET_IGNORED" | "SHEET_IGNORED" | "ITEMS_NOT_IN_FILE";
            /**
             * @description The sheet the notice is about
             * @example Hitungan
             */
            sheet: string | null;
            /**
             * @description In the request’s language
             * @example Lembar tersembunyi "Hitungan" diabaikan.
             */
            message: string;
        };
        WorkbookUploadView: {
            /** Format: uuid */
            id: string;
            /**
             * @description The province of a province’s or regency/city’s report; null for a K/L report
             * @example 64
             */
            provinceCode: string | null;
            /**
             * @description The regency/city; null for a province’s or a ministry’s report
             * @example 64.71
             */
            regionCode: string | null;
            /** Format: uuid */
            organisationId: string | null;
            /**
             * @description The RANHAM reporter level the report counts at; null for an organisation that is no RANHAM reporter
             * @enum {string|null}
             */
            reporterLevel: "KL" | "PROVINCE" | "KABKOTA" | null;
            /** @enum {string} */
            programme: "KKP_HAM" | "RANHAM";
            /** @example 2026-B08 */
            periodKey: string;
            /** @enum {string} */
            status: "DRAFT" | "SUBMITTED" | "CHECKING" | "CHECK_FAILED" | "IN_REVIEW" | "RETURNED" | "VERIFIED" | "SCORED";
            /** @description Self-assessed answers by indicator code */
            answers: {
                [key: string]: number | boolean | (string | null);
            };
            /**
             * @description While IN_REVIEW: the stage whose turn it is
             * @enum {string|null}
             */
            reviewStage: "UNIT_HEAD" | "COORDINATOR" | "KANWIL" | "CENTRAL" | null;
            /** @description Values the Kanwil set; they count instead of the answers */
            verifiedAnswers: {
                [key: string]: number | boolean | (string | null);
            };
            /** @description Answers the Kanwil rejected, with the reason code */
            rejections: {
                [key: string]: string;
            };
            contactEmail: string | null;
            /** Format: date-time */
            submittedAt: string | null;
            submitCount: number;
            /**
             * @description Grows with every change; send it back with PATCH to refuse overwriting someone else’s change
             * @example 3
             */
            version: number;
            /** @description Submitted after the unit’s deadline, within an extension (server time) */
            late: boolean;
            /** @description Problems of the submission as a whole from the document check, e.g. INDICATOR_EVIDENCE_MISSING */
            checkProblems: components["schemas"]["CheckProblemView"][];
            documents: components["schemas"]["DocumentView"][];
            scores: components["schemas"]["ScoreView"][];
            /**
             * @description A unit’s input whose reporter assigns items in the cycle: the answer codes (indicator or measure codes of the period) assigned to the unit, the only ones it may answer (GET /assignments shows the set). null for a reporter’s own report and for a unit whose reporter assigns nothing
             * @example [
             *       "K1.S1",
             *       "K1.P1"
             *     ]
             */
            assignedCodes: string[] | null;
            /** @description What the upload left out on purpose: hidden or unknown sheets, items not in the file (their answers kept) */
            notices: components["schemas"]["WorkbookNoticeView"][];
        };
        CreateOrganisationBody: {
            /** @enum {string} */
            kind: "MINISTRY" | "DIRECTORATE" | "KANWIL" | "BIRO_HUKUM" | "BAGIAN_HUKUM" | "OPD" | "COMPANY" | "UNIVERSITY" | "NGO";
            /** @example Dinas Kesehatan Kota Balikpapan */
            name: string;
            /**
             * @description For KANWIL and BIRO_HUKUM, and for an OPD of the province itself (without regionCode)
             * @example 64
             */
            provinceCode?: string;
            /**
             * @description For BAGIAN_HUKUM, OPD, COMPANY, UNIVERSITY and NGO of a regency/city
             * @example 64.71
             */
            regionCode?: string;
            /**
             * Format: uuid
             * @description The reporting organisation a unit belongs to: required for a DIRECTORATE (its MINISTRY); for a province’s OPD its BIRO_HUKUM, found when omitted
             */
            parentId?: string;
        };
        OrganisationView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "MINISTRY" | "DIRECTORATE" | "KANWIL" | "BIRO_HUKUM" | "BAGIAN_HUKUM" | "OPD" | "COMPANY" | "UNIVERSITY" | "NGO";
            /** @example Dinas Kesehatan Kota Balikpapan */
            name: string;
            /**
             * @description Null for a national organisation
             * @example 64
             */
            provinceCode: string | null;
            /**
             * @description Null unless it sits in a regency/city
             * @example 64.71
             */
            regionCode: string | null;
            /**
             * Format: uuid
             * @description The reporting organisation a unit belongs to: a directorate’s ministry, a province OPD’s Biro Hukum
             */
            parentId: string | null;
            /** @description False once deactivated */
            active: boolean;
        };
        OrganisationPage: {
            items: components["schemas"]["OrganisationView"][];
            /** @example 1 */
            page: number;
            /** @example 50 */
            pageSize: number;
            /** @description Organisations matching, over all pages */
            total: number;
        };
        UpdateOrganisationBody: {
            name?: string;
        };
        ReasonBody: {
            /** @example Digabung dengan Dinas Sosial */
            reason?: string;
        };
        RoleAssignmentBody: {
            /** @enum {string} */
            role: "NATIONAL_ADMIN" | "KANWIL_VERIFIER" | "CENTRAL_VERIFIER" | "COORDINATOR" | "UNIT_HEAD" | "UNIT_OPERATOR" | "VIEWER";
            /** @example 64 */
            provinceCode?: string;
            /** @example 64.71 */
            regionCode?: string;
            organisationId?: string;
        };
        CreateUserBody: {
            /** @example operator.dinkes@balikpapan.go.id */
            email: string;
            /** @example Siti Rahmawati */
            displayName: string;
            organisationId?: string;
            /**
             * @default id
             * @enum {string}
             */
            locale: "id" | "en";
            roles?: components["schemas"]["RoleAssignmentBody"][];
        };
        RoleAssignmentView: {
            /**
             * Format: uuid
             * @description The assignment’s id, to take the role away
             */
            id: string;
            /** @enum {string} */
            role: "NATIONAL_ADMIN" | "KANWIL_VERIFIER" | "CENTRAL_VERIFIER" | "COORDINATOR" | "UNIT_HEAD" | "UNIT_OPERATOR" | "VIEWER";
            /** @example 64 */
            provinceCode: string | null;
            /** @example 64.71 */
            regionCode: string | null;
            /** Format: uuid */
            organisationId: string | null;
        };
        UserView: {
            /** Format: uuid */
            id: string;
            /** @example operator.dinkes@balikpapan.go.id */
            email: string;
            /** @example Siti Rahmawati */
            displayName: string;
            /**
             * @description The language of the account’s mails: id or en
             * @example id
             */
            locale: string;
            active: boolean;
            /** @description Invited, and the owner has not set a password yet */
            invitationPending: boolean;
            /** Format: uuid */
            organisationId: string | null;
            roles: components["schemas"]["RoleAssignmentView"][];
        };
        UserPage: {
            items: components["schemas"]["UserView"][];
            /** @example 1 */
            page: number;
            /** @example 50 */
            pageSize: number;
            /** @description Accounts matching, over all pages */
            total: number;
        };
        UpdateUserBody: {
            displayName?: string;
            /** @enum {string} */
            locale?: "id" | "en";
        };
        ChangePasswordBody: {
            currentPassword: string;
            /** @description At least 12 characters */
            newPassword: string;
            /** @description This client’s refresh token: its session is kept, every other session of the account ends */
            refreshToken?: string;
        };
        PasswordResetRequestBody: {
            /** @example operator.dinkes@balikpapan.go.id */
            email: string;
        };
        PasswordResetRequestedView: {
            /** @description The same answer whether or not the address has an account */
            message: string;
        };
        TokenPasswordBody: {
            /** @description The token from the link in the email (after #token=) */
            token: string;
            /** @description At least 12 characters */
            password: string;
        };
        InvitationAcceptedView: {
            /** @description The address to sign in with */
            email: string;
        };
        CreateApiTokenBody: {
            /** @enum {string} */
            role: "NATIONAL_ADMIN" | "KANWIL_VERIFIER" | "CENTRAL_VERIFIER" | "COORDINATOR" | "UNIT_HEAD" | "UNIT_OPERATOR" | "VIEWER";
            /** @example 64 */
            provinceCode?: string;
            /** @example 64.71 */
            regionCode?: string;
            organisationId?: string;
            /** @example Sinkronisasi data Dinas Kesehatan */
            name: string;
        };
        CreatedApiTokenView: {
            /** Format: uuid */
            id: string;
            /** @example Sinkronisasi data Dinas Kesehatan */
            name: string;
            /**
             * @description The first characters of the token, to recognise it; the token itself is never shown again
             * @example pdl_Xy3kQ9ab
             */
            tokenPrefix: string;
            /** @enum {string} */
            role: "NATIONAL_ADMIN" | "KANWIL_VERIFIER" | "CENTRAL_VERIFIER" | "COORDINATOR" | "UNIT_HEAD" | "UNIT_OPERATOR" | "VIEWER";
            /** @example 64 */
            provinceCode: string | null;
            /** @example 64.71 */
            regionCode: string | null;
            /** Format: uuid */
            organisationId: string | null;
            /**
             * Format: date-time
             * @description To the minute
             */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Send it as `Authorization: Bearer <token>`. Shown only in this response: store it now. */
            token: string;
        };
        ApiTokenView: {
            /** Format: uuid */
            id: string;
            /** @example Sinkronisasi data Dinas Kesehatan */
            name: string;
            /**
             * @description The first characters of the token, to recognise it; the token itself is never shown again
             * @example pdl_Xy3kQ9ab
             */
            tokenPrefix: string;
            /** @enum {string} */
            role: "NATIONAL_ADMIN" | "KANWIL_VERIFIER" | "CENTRAL_VERIFIER" | "COORDINATOR" | "UNIT_HEAD" | "UNIT_OPERATOR" | "VIEWER";
            /** @example 64 */
            provinceCode: string | null;
            /** @example 64.71 */
            regionCode: string | null;
            /** Format: uuid */
            organisationId: string | null;
            /**
             * Format: date-time
             * @description To the minute
             */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        AuditEntryView: {
            /**
             * @description Grows with each entry; a string, as it may pass 2^53
             * @example 1234
             */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            /** @enum {string} */
            actorType: "USER" | "API_TOKEN" | "SYSTEM" | "ANONYMOUS";
            /** @description The account or API token that acted; null for the system or an anonymous caller */
            actorId: string | null;
            /** @example submission.submitted */
            action: string;
            /** @example submission */
            entityType: string;
            entityId: string | null;
            /** @description The changed fields before the change */
            before: {
                [key: string]: unknown;
            } | null;
            /** @description The changed fields after the change */
            after: {
                [key: string]: unknown;
            } | null;
            reason: string | null;
            /** @description Ties the entry to the request’s log lines */
            requestId: string | null;
            /** @example 64 */
            provinceCode: string | null;
            /** @example 64.71 */
            regionCode: string | null;
        };
        AuditPageView: {
            items: components["schemas"]["AuditEntryView"][];
            /** @example 50 */
            pageSize: number;
            /** @description Pass as `cursor` for the next (older) entries; null on the last page */
            nextCursor: string | null;
            /** @description The page number asked for, when paging by number; null when paging by cursor */
            page: number | null;
        };
        /** @enum {string} */
        Programme: "KKP_HAM" | "RANHAM";
        /** @enum {string} */
        FrameworkStatus: "DRAFT" | "PUBLISHED" | "RETIRED";
        VersionSummary: {
            /** Format: uuid */
            id: string;
            programme: components["schemas"]["Programme"];
            /** @example KKP_HAM_PERMENKUMHAM_22_2021 */
            frameworkCode: string;
            /** @example 2 */
            version: number;
            status: components["schemas"]["FrameworkStatus"];
            /** @example KKP HAM (Permenkumham 22/2021) */
            label: string;
            /** Format: date-time */
            publishedAt: string | null;
            /** Format: date-time */
            retiredAt: string | null;
        };
        FrameworkProblemView: {
            /**
             * @description Where in the content
             * @example criteria[2].weight
             */
            path: string;
            /** @example WEIGHTS_NOT_100 */
            code: string;
            message: components["schemas"]["BilingualText"];
        };
        VersionDetail: {
            /** Format: uuid */
            id: string;
            programme: components["schemas"]["Programme"];
            /** @example KKP_HAM_PERMENKUMHAM_22_2021 */
            frameworkCode: string;
            /** @example 2 */
            version: number;
            status: components["schemas"]["FrameworkStatus"];
            /** @example KKP HAM (Permenkumham 22/2021) */
            label: string;
            /** Format: date-time */
            publishedAt: string | null;
            /** Format: date-time */
            retiredAt: string | null;
            /** @description What must still be fixed before publishing; empty when it is ready */
            problems: components["schemas"]["FrameworkProblemView"][];
            /** @description KKP HAM: criteria, indicators and rules; RANHAM: targetGroups, actions and rules */
            content: {
                [key: string]: unknown;
            };
        };
        UpdateDraftBody: {
            label?: string;
            /** @description KKP HAM: criteria, indicators and rules; RANHAM: targetGroups, actions and rules. Checked in full when published, and reported on every save */
            content: {
                [key: string]: unknown;
            };
        };
        DraftView: {
            /** Format: uuid */
            id: string;
            programme: components["schemas"]["Programme"];
            /** @example KKP_HAM_PERMENKUMHAM_22_2021 */
            frameworkCode: string;
            /** @example 2 */
            version: number;
            status: components["schemas"]["FrameworkStatus"];
            /** @example KKP HAM (Permenkumham 22/2021) */
            label: string;
            /** Format: date-time */
            publishedAt: string | null;
            /** Format: date-time */
            retiredAt: string | null;
            /** @description What must still be fixed before publishing; empty when it is ready */
            problems: components["schemas"]["FrameworkProblemView"][];
        };
        PublishBody: {
            /** @description Cycles that adopt this version once published; each starts a recalculation run */
            adoptInCycles?: string[];
        };
        CycleDecree: {
            /** @example M.HH-03.HA.02.01.01/2023 */
            number: string;
            /**
             * Format: date
             * @example 2023-11-15
             */
            date: string;
        };
        CycleView: {
            /** Format: uuid */
            id: string;
            programme: components["schemas"]["Programme"];
            /** @example 2026 */
            year: number;
            /** @example KKP HAM 2026 (data 2025) */
            label: string;
            /**
             * Format: uuid
             * @description The framework version the cycle’s submissions are scored against
             */
            frameworkVersionId: string;
            /**
             * @description The year the data describe: a KKP HAM award year minus one by default; a RANHAM cycle’s own year
             * @example 2025
             */
            dataYear: number;
            /**
             * @description KKP HAM: the award year (the cycle’s year); null for RANHAM
             * @example 2026
             */
            awardYear: number | null;
            /** @description The decree that makes the results final; null until issued */
            decree: components["schemas"]["CycleDecree"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        RunSummary: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            cycleId: string;
            /** Format: uuid */
            frameworkVersionId: string;
            /** Format: uuid */
            previousFrameworkVersionId: string | null;
            /**
             * @description What started the run: CYCLE_CREATED, VERSION_SWITCHED or VERSION_PUBLISHED
             * @example VERSION_PUBLISHED
             */
            reason: string;
            /**
             * @example RUNNING
             * @enum {string}
             */
            status: "PLANNED" | "RUNNING" | "FINISHED";
            /** @description Submissions to rescore */
            total: number;
            done: number;
            failed: number;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        CycleChange: {
            cycle: components["schemas"]["CycleView"];
            /** @description The run rescoring the cycle’s submissions; null when nothing changed */
            recalculation: components["schemas"]["RunSummary"] | null;
        };
        PublishedVersion: {
            /** Format: uuid */
            id: string;
            programme: components["schemas"]["Programme"];
            /** @example KKP_HAM_PERMENKUMHAM_22_2021 */
            frameworkCode: string;
            /** @example 2 */
            version: number;
            status: components["schemas"]["FrameworkStatus"];
            /** @example KKP HAM (Permenkumham 22/2021) */
            label: string;
            /** Format: date-time */
            publishedAt: string | null;
            /** Format: date-time */
            retiredAt: string | null;
            /** @description The cycles named in adoptInCycles, now on this version, each with its recalculation run */
            adoptedBy: components["schemas"]["CycleChange"][];
        };
        WhatIfBody: {
            /**
             * Format: uuid
             * @description The cycle whose current answers are scored
             */
            cycleId: string;
        };
        BandScore: {
            /** @example CUKUP_PEDULI */
            band: string;
            /** @example 66.67 */
            total: number;
        };
        BandChange: {
            /** Format: uuid */
            submissionId: string;
            /** @example 64.71 */
            regionCode: string;
            /** Format: uuid */
            organisationId: string | null;
            /** @example 2025-TAHUNAN */
            periodKey: string;
            /** @description null: the subject had no score yet */
            from: components["schemas"]["BandScore"] | null;
            to: components["schemas"]["BandScore"];
        };
        ItemFailure: {
            /** Format: uuid */
            submissionId: string;
            /** @description Why this version cannot score it */
            error: string;
        };
        WhatIfResult: {
            /** Format: uuid */
            frameworkVersionId: string;
            /** Format: uuid */
            cycleId: string;
            /** @description Submissions of the cycle that would be rescored */
            subjects: number;
            unchanged: number;
            bandChanges: components["schemas"]["BandChange"][];
            /** @description Submissions this version cannot score (e.g. an adjustment it no longer defines), with the reason */
            failures: components["schemas"]["ItemFailure"][];
        };
        CreateCycleBody: {
            /** @enum {string} */
            programme: "KKP_HAM" | "RANHAM";
            /**
             * @description The award year (KKP HAM) or reporting year (RANHAM)
             * @example 2026
             */
            year: number;
            /** @example KKP HAM 2026 (data 2025) */
            label: string;
            /** Format: uuid */
            frameworkVersionId: string;
            /**
             * @description The year the data describe; by default the award year minus one (KKP HAM) or the year itself (RANHAM)
             * @example 2025
             */
            dataYear?: number;
        };
        DecreeBody: {
            /** @example M.HH-03.HA.02.01.01/2023 */
            number: string;
            /**
             * Format: date
             * @example 2023-11-15
             */
            date: string;
        };
        SwitchVersionBody: {
            /** Format: uuid */
            frameworkVersionId: string;
        };
        PeriodView: {
            /** Format: uuid */
            id: string;
            /** @example B08 */
            code: string;
            /**
             * Format: date
             * @example 2026-08-30
             */
            opensOn: string | null;
            /**
             * Format: date
             * @example 2026-09-06
             */
            deadlineDate: string;
            /**
             * @description null: the end of the day
             * @example 16:00
             */
            deadlineTime: string | null;
            /**
             * @description The one zone set for everyone, or null when each unit’s own zone applies
             * @example null
             */
            timeZone: string | null;
            /**
             * @description The deadline as an instant in each of Indonesia’s zones (all the same when the period has one zone)
             * @example {
             *       "WIB": "2026-09-06T16:59:59.999Z",
             *       "WITA": "2026-09-06T15:59:59.999Z",
             *       "WIT": "2026-09-06T14:59:59.999Z"
             *     }
             */
            deadlineByZone: {
                [key: string]: string;
            };
        };
        PeriodBody: {
            /**
             * @description Local date the reporting window opens (on or before the deadline); no reminder goes out before it. Omitted: a RANHAM period opens 7 days before its deadline, a KKP HAM period has no opening
             * @example 2026-08-30
             */
            opensOn?: string;
            /**
             * @description Local date in each unit’s own zone
             * @example 2026-09-06
             */
            deadlineDate: string;
            /**
             * @description Local time; omitted means the end of the day
             * @example 16:00
             */
            deadlineTime?: string;
            /**
             * @description One zone for everyone (WIB, WITA, WIT or an IANA name); omitted, the usual case, means each unit’s own zone
             * @example WIB
             */
            timeZone?: string;
        };
        ExtensionView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            periodId: string;
            /**
             * @description null: a ministry or a province reporter
             * @example 64.71
             */
            regionCode: string | null;
            /**
             * Format: uuid
             * @description The ministry or the Biro Hukum the extension is for; null for a regency/city
             */
            reporterOrganisationId: string | null;
            /**
             * Format: uuid
             * @description null: the whole reporter and its units
             */
            organisationId: string | null;
            /** Format: date-time */
            until: string;
            /** @example Banjir di kantor Bagian Hukum */
            reason: string;
        };
        ExtensionBody: {
            /**
             * @description The regency/city; omitted for a ministry or a province reporter, named by organisationId
             * @example 64.71
             */
            regionCode?: string;
            /**
             * Format: uuid
             * @description With regionCode: one unit, omitted for the whole regency/city. Without: a ministry or a Biro Hukum (the whole reporter and its units) or one of their units (a directorate, a province OPD)
             */
            organisationId?: string;
            /**
             * @description An instant with its offset (Z or ±hh:mm), so no zone is guessed
             * @example 2026-09-13T23:59:00+08:00
             */
            until: string;
            /** @example Banjir di kantor Bagian Hukum */
            reason: string;
        };
        WeeklyDigestDto: {
            /**
             * @description ISO weekday, 1 = Monday
             * @example 1
             */
            weekday: number;
            /**
             * @description HH:mm in the recipient’s zone
             * @example 09:00
             */
            time: string;
        };
        PolicyDto: {
            /**
             * @description Absent: DAYS
             * @enum {string}
             */
            unit?: "DAYS" | "MINUTES";
            /**
             * @example [
             *       3,
             *       1
             *     ]
             */
            offsetsDays: number[];
            /** @description DAYS: also remind on the day the period’s window opens; absent: no */
            atOpening?: boolean;
            /** @example 09:00 */
            sendAt: string;
            /** @example 1 */
            overdueAfterDays: number | null;
            /**
             * @example [
             *       30,
             *       5
             *     ]
             */
            offsetsMinutes?: number[];
            /** @example 5 */
            overdueAfterMinutes?: number | null;
            escalateOverdue: boolean;
            weeklyDigest: components["schemas"]["WeeklyDigestDto"] | null;
            /** @example 24 */
            graceHours: number;
        };
        PolicyView: {
            /** Format: uuid */
            cycleId: string;
            /** @description true while the cycle uses the defaults */
            isDefault: boolean;
            policy: components["schemas"]["PolicyDto"];
        };
        PolicyBody: {
            /**
             * @description DAYS (default): offsetsDays and overdueAfterDays, sent at sendAt local time. MINUTES: offsetsMinutes and overdueAfterMinutes from the deadline’s instant
             * @enum {string}
             */
            unit?: "DAYS" | "MINUTES";
            /**
             * @description DAYS: days before each deadline (1-90)
             * @example [
             *       3,
             *       1
             *     ]
             */
            offsetsDays?: number[];
            /** @description DAYS: also remind on the day the period’s window opens (the default policy does); no reminder ever goes out before the opening */
            atOpening?: boolean;
            /**
             * @description DAYS: local time of day (HH:mm) reminders are sent at
             * @example 09:00
             */
            sendAt?: string;
            /**
             * @description DAYS: days after the deadline for the overdue notice, null for none
             * @example 1
             */
            overdueAfterDays?: number | null;
            /**
             * @description MINUTES: minutes before the deadline (1-1440), required with that unit
             * @example [
             *       30,
             *       5
             *     ]
             */
            offsetsMinutes?: number[];
            /**
             * @description MINUTES: minutes after the deadline for the overdue notice (1-1440), null for none
             * @example 5
             */
            overdueAfterMinutes?: number | null;
            /** @description Whether overdue units are also reported to the regency/city coordinator and the province’s Kanwil */
            escalateOverdue?: boolean;
            /** @description The weekly digest to coordinators; null for none */
            weeklyDigest?: components["schemas"]["WeeklyDigestDto"] | null;
            /**
             * @description A reminder found due more than this many hours late is skipped, not sent
             * @example 24
             */
            graceHours?: number;
        };
        RunReport: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            cycleId: string;
            /** Format: uuid */
            frameworkVersionId: string;
            /** Format: uuid */
            previousFrameworkVersionId: string | null;
            /**
             * @description What started the run: CYCLE_CREATED, VERSION_SWITCHED or VERSION_PUBLISHED
             * @example VERSION_PUBLISHED
             */
            reason: string;
            /**
             * @example RUNNING
             * @enum {string}
             */
            status: "PLANNED" | "RUNNING" | "FINISHED";
            /** @description Submissions to rescore */
            total: number;
            done: number;
            failed: number;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Every subject whose band changed, from and to (from is null for a subject scored for the first time) */
            bandChanges: components["schemas"]["BandChange"][];
            failures: components["schemas"]["ItemFailure"][];
        };
        /**
         * @description LATE: the unit still has to act and its own deadline (the internal one for units of a regency/city, with any extension) has passed
         * @enum {string}
         */
        CompletenessStatus: "NOT_STARTED" | "DRAFT" | "SUBMITTED" | "RETURNED" | "VERIFIED" | "LATE";
        LocalisedDeadline: {
            /** @example 1 September 2026 pukul 16.00 WITA */
            id: string;
            /** @example 1 September 2026, 16:00 WITA */
            en: string;
        };
        CompletenessRow: {
            /**
             * @description null: a ministry’s or a province’s report and its units
             * @example 64.71
             */
            regionCode: string | null;
            /** @example Kota Balikpapan */
            regionName: string | null;
            /**
             * Format: uuid
             * @description null: the regency/city’s own report
             */
            organisationId: string | null;
            /** @example Dinas Sosial Kota Balikpapan */
            organisationName: string | null;
            /** @description LATE: the unit still has to act and its own deadline (the internal one for units of a regency/city, with any extension) has passed */
            status: components["schemas"]["CompletenessStatus"];
            /** @description Submitted after the deadline, within an extension */
            late: boolean;
            /** Format: uuid */
            submissionId: string | null;
            /**
             * @description While the submission is IN_REVIEW: the stage it waits at (a unit’s input: UNIT_HEAD, COORDINATOR; a reporter’s report: COORDINATOR, KANWIL, CENTRAL)
             * @enum {string|null}
             */
            reviewStage: "UNIT_HEAD" | "COORDINATOR" | "KANWIL" | "CENTRAL" | null;
            /** @description The reporter’s own report (a regency/city’s, a ministry’s, a Biro Hukum’s) rather than a unit’s input */
            ownReport: boolean;
            /**
             * Format: date-time
             * @description The unit’s own deadline (internal for units, with any extension) in its zone (WIB for a ministry); null while the period has none
             */
            deadlineAt: string | null;
            /** @description The same deadline as people read it, with its zone */
            deadline: components["schemas"]["LocalisedDeadline"] | null;
            /** @description An extension moved the unit’s deadline later: deadlineAt is the extended one */
            extended: boolean;
            /**
             * @description A reporter’s own row: how many answer codes of the period (indicators, RANHAM measures) none of its units is assigned; null for a unit’s row and for a reporter that assigns nothing. GET /assignments lists the codes (unassignedCodes)
             * @example 4
             */
            unassignedItems: number | null;
        };
        CompletenessView: {
            /** Format: uuid */
            cycleId: string;
            /** @example 2026-B08 */
            periodKey: string;
            /** @description false while the period has no deadline yet: nobody is LATE then */
            deadlineSet: boolean;
            /**
             * @description Units per status, every status present
             * @example {
             *       "NOT_STARTED": 3,
             *       "DRAFT": 1,
             *       "SUBMITTED": 2,
             *       "RETURNED": 0,
             *       "VERIFIED": 0,
             *       "LATE": 1
             *     }
             */
            totals: {
                [key: string]: number;
            };
            /**
             * @description Submissions in review per stage they wait at, every stage present; CENTRAL: waiting for the centre’s verification
             * @example {
             *       "UNIT_HEAD": 0,
             *       "COORDINATOR": 1,
             *       "KANWIL": 2,
             *       "CENTRAL": 1
             *     }
             */
            awaitingReview: {
                [key: string]: number;
            };
            units: components["schemas"]["CompletenessRow"][];
        };
        ScoreSnapshotView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            submissionId: string;
            /**
             * @description Null for a K/L report
             * @example 64
             */
            provinceCode: string | null;
            /**
             * @description Null for a province’s or a ministry’s report
             * @example 64.71
             */
            regionCode: string | null;
            /** Format: uuid */
            organisationId: string | null;
            /** @example 2026-TAHUNAN */
            periodKey: string;
            /** @description The framework version the score was computed under */
            frameworkVersion: string;
            /** Format: uuid */
            frameworkVersionId: string | null;
            /**
             * @description VERIFIED when a reviewer’s value counted for at least one indicator
             * @example SELF_ASSESSED
             */
            basis: string;
            /** @example 72.5 */
            total: number;
            band: string;
            /** @description Whether this is the submission’s score now (the latest under its cycle’s version) */
            current: boolean;
            /** @description Whether the result is final: the current score of a cycle whose decree is issued */
            final: boolean;
            /**
             * Format: uuid
             * @description The recalculation run that made it, if any
             */
            recalculationRunId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        ScorePage: {
            items: components["schemas"]["ScoreSnapshotView"][];
            /** @example 1 */
            page: number;
            /** @example 50 */
            pageSize: number;
            /** @example 1 */
            total: number;
        };
        RanhamYearlyPeriodView: {
            /** @example B04 */
            code: string;
            /**
             * @description The score counted: 0 when the period was not reported
             * @example 80
             */
            score: number;
            /**
             * @description Why the period counts 0: NOT_REPORTED; null when it was reported
             * @example NOT_REPORTED
             */
            reason: string | null;
            /** @example 2025-B04 */
            periodKey: string | null;
            /** Format: uuid */
            submissionId: string | null;
            /**
             * Format: uuid
             * @description The current snapshot the score comes from
             */
            snapshotId: string | null;
            band: string | null;
        };
        RanhamYearlyView: {
            /** @example 2025 */
            year: number;
            /** @example 64.71 */
            regionCode: string | null;
            /** Format: uuid */
            organisationId: string | null;
            /**
             * @description The reporter’s RANHAM level, which sets its target
             * @enum {string}
             */
            level: "KL" | "PROVINCE" | "KABKOTA";
            /**
             * @description Rounded to 2 decimals
             * @example 56.67
             */
            score: number;
            /** @example 60 */
            target: number;
            meetsTarget: boolean;
            periods: components["schemas"]["RanhamYearlyPeriodView"][];
            /** @description Reported periods that are not periods of the year’s rules; not counted */
            ignoredPeriodCodes: string[];
        };
        RanhamYearlyList: {
            /** @example 2025 */
            year: number;
            /** @description Regencies/cities with at least one scored report of the year, by code */
            items: components["schemas"]["RanhamYearlyView"][];
        };
        AdjustmentExplanation: {
            /** @example AKSI_HAM_BONUS */
            code: string;
            name: string;
            /** @enum {string} */
            kind: "BONUS" | "PENALTY";
            /** @description The value entered (units, or points without a per-unit factor); null when none */
            value: number | null;
            /** @description Points per unit, when the rule counts units */
            perUnit: number | null;
            /** @description Points before the cap */
            requested: number;
            /** @description Signed points applied to the total: positive for a bonus, negative for a penalty */
            applied: number;
            /** @description The most points the adjustment can add or remove */
            cap: number;
            capped: boolean;
            reason: string | null;
            /** @example RANHAM yearly score 2025: 85 */
            source: string | null;
            /**
             * Format: date-time
             * @description When the value was recorded
             */
            recordedAt: string | null;
        };
        ScoreExplanation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            submissionId: string;
            /**
             * @description Null for a K/L report
             * @example 64
             */
            provinceCode: string | null;
            /**
             * @description Null for a province’s or a ministry’s report
             * @example 64.71
             */
            regionCode: string | null;
            /** Format: uuid */
            organisationId: string | null;
            /** @example 2026-TAHUNAN */
            periodKey: string;
            /** @description The framework version the score was computed under */
            frameworkVersion: string;
            /** Format: uuid */
            frameworkVersionId: string | null;
            /**
             * @description VERIFIED when a reviewer’s value counted for at least one indicator
             * @example SELF_ASSESSED
             */
            basis: string;
            /** @example 72.5 */
            total: number;
            band: string;
            /** @description Whether this is the submission’s score now (the latest under its cycle’s version) */
            current: boolean;
            /** @description Whether the result is final: the current score of a cycle whose decree is issued */
            final: boolean;
            /**
             * Format: uuid
             * @description The recalculation run that made it, if any
             */
            recalculationRunId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description A hash of everything the score was computed from; the same inputs never make a second snapshot */
            inputHash: string;
            /** @description The engine’s result: each indicator’s points and rule or reason for 0 (RANHAM: each action’s measures with their achievement and their documents’ completeness), subtotals, adjustments, total, band, and where each value came from */
            breakdown: {
                [key: string]: unknown;
            };
            /** @description KKP HAM: each adjustment rule with its value, points, cap, reason and source; empty for RANHAM */
            adjustments: components["schemas"]["AdjustmentExplanation"][];
        };
        CreatePrintedReportBody: {
            /**
             * @description Certificates are made when the decree is recorded
             * @example KKP_SCORE_REPORT
             * @enum {string}
             */
            kind: "KKP_SCORE_REPORT" | "RANHAM_PERIOD_REPORT" | "RANHAM_YEAR_SUMMARY";
            /**
             * Format: uuid
             * @description The scored report (KKP_SCORE_REPORT, RANHAM_PERIOD_REPORT)
             * @example 3f0c1f9e-8a51-4d7b-9a3c-2f6a1f0e9b11
             */
            submissionId?: string;
            /**
             * Format: uuid
             * @description The RANHAM cycle (RANHAM_YEAR_SUMMARY)
             * @example 7b2d0c4e-1f3a-4e8b-b6a2-9c1d2e3f4a5b
             */
            cycleId?: string;
            /**
             * @description A regency/city reporter (RANHAM_YEAR_SUMMARY)
             * @example 64.71
             */
            regionCode?: string;
            /**
             * Format: uuid
             * @description A ministry or a province’s Biro Hukum (RANHAM_YEAR_SUMMARY)
             * @example c0a8012e-0000-4000-8000-000000000001
             */
            organisationId?: string;
        };
        PrintedReportView: {
            /**
             * Format: uuid
             * @example 5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e
             */
            id: string;
            /**
             * @example KKP_SCORE_REPORT
             * @enum {string}
             */
            kind: "KKP_SCORE_REPORT" | "RANHAM_PERIOD_REPORT" | "RANHAM_YEAR_SUMMARY" | "CERTIFICATE";
            /**
             * @example READY
             * @enum {string}
             */
            status: "PENDING" | "READY" | "FAILED";
            /**
             * Format: uuid
             * @example 3f0c1f9e-8a51-4d7b-9a3c-2f6a1f0e9b11
             */
            submissionId: string | null;
            /**
             * Format: uuid
             * @example 7b2d0c4e-1f3a-4e8b-b6a2-9c1d2e3f4a5b
             */
            cycleId: string | null;
            /** @example 64 */
            provinceCode: string | null;
            /** @example 64.71 */
            regionCode: string | null;
            /**
             * Format: uuid
             * @example null
             */
            organisationId: string | null;
            /**
             * @description The name the download is saved under
             * @example Laporan Nilai KKP HAM 2026 - Kota Balikpapan.pdf
             */
            fileName: string;
            /**
             * @description SHA-256 of the document’s data, stamped on every page; null until READY
             * @example 9f2b5c0d4e6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e
             */
            contentHash: string | null;
            /** @example 48213 */
            sizeBytes: number | null;
            /**
             * @description Why it could not be made, when FAILED
             * @example null
             */
            error: string | null;
            /**
             * Format: date-time
             * @example 2026-12-10T03:15:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-12-10T03:15:02.000Z
             */
            readyAt: string | null;
        };
        PrintedReportPage: {
            items: components["schemas"]["PrintedReportView"][];
            /** @example 1 */
            page: number;
            /** @example 50 */
            pageSize: number;
            /** @example 1 */
            total: number;
        };
        SetAdjustmentBody: {
            /**
             * @description Units when the rule has points per unit (e.g. complaints), otherwise points (0-100). Above the cap is kept and capped when scored.
             * @example 3
             */
            value: number;
            /** @example Aksi HAM 2025 reports verified complete by the Panitia Nasional */
            reason: string;
            /**
             * @description Where the value comes from
             * @example Berita acara verifikasi Panitia Nasional 12/2025
             */
            source: string;
        };
        AdjustmentChange: {
            /** Format: uuid */
            submissionId: string;
            /** @example AKSI_HAM_BONUS */
            code: string;
            /** @enum {string} */
            kind: "BONUS" | "PENALTY";
            /** @description The value in force; null after a removal */
            value: number | null;
            /** @description Signed points it will add to the total once rescored, after the cap */
            points: number;
            cap: number;
            capped: boolean;
            reason: string;
            source: string;
            /** @description False when the same value and source were already recorded: nothing changed, nothing is rescored */
            changed: boolean;
        };
        RemoveAdjustmentBody: {
            /** @example Entered on the wrong report */
            reason: string;
        };
        AksiHamBonusSubject: {
            /** Format: uuid */
            submissionId: string;
            /** @example 64.71 */
            regionCode: string;
            /** @example AKSI_HAM_BONUS */
            code: string;
            /**
             * @description The regency/city’s RANHAM yearly score of the data year (0 when it reported nothing)
             * @example 85
             */
            yearlyScore: number;
            /**
             * @description The value set: points from the rule’s bands
             * @example 5
             */
            value: number;
            changed: boolean;
        };
        AksiHamBonusRun: {
            /** Format: uuid */
            cycleId: string;
            /**
             * @description The RANHAM year read
             * @example 2025
             */
            dataYear: number;
            subjects: components["schemas"]["AksiHamBonusSubject"][];
            /** @description How many submissions got a new value (and are rescored) */
            changed: number;
        };
        PembinaRuleView: {
            /**
             * @description The least share (percent) of regencies/cities in the band
             * @example 60
             */
            minBandShare: number;
            /** @example PEDULI */
            band: string;
            /**
             * @description The province’s own RANHAM yearly score of the data year it must reach, if the rules ask
             * @example 80
             */
            minRanhamYearlyScore: number | null;
        };
        PembinaReasonView: {
            /** @enum {string} */
            code: "NO_REGENCIES" | "SHARE_BELOW_MINIMUM" | "RANHAM_BELOW_MINIMUM" | "RANHAM_NOT_AVAILABLE";
            message: components["schemas"]["BilingualText"];
        };
        ProvinceAwardView: {
            /** @example 64 */
            provinceCode: string;
            /** @example KALIMANTAN TIMUR */
            name: string;
            /** @description Regencies/cities counted: all of the province’s */
            counted: number;
            /** @description How many have a current score in the cycle */
            scored: number;
            /** @description How many are rated in the rule’s band (PEDULI) */
            inBand: number;
            /**
             * @description inBand / counted in percent, 2 decimals
             * @example 60
             */
            share: number;
            /** @description Only read when the rule asks for it */
            ranhamYearlyScore: number | null;
            /** @description Whether the province qualifies as pembina */
            qualifies: boolean;
            /** @description Why not; empty when it qualifies */
            reasons: components["schemas"]["PembinaReasonView"][];
        };
        CycleProvinces: {
            /** Format: uuid */
            cycleId: string;
            /** @example 2026 */
            year: number;
            /** @example 2025 */
            dataYear: number;
            /** @description Whether the cycle’s decree is issued, making these results final */
            final: boolean;
            rule: components["schemas"]["PembinaRuleView"];
            provinces: components["schemas"]["ProvinceAwardView"][];
        };
        PublicDecreedYear: {
            /**
             * @description The year the data describe (the award is given the year after)
             * @example 2025
             */
            dataYear: number;
            /**
             * @description The award year
             * @example 2026
             */
            awardYear: number;
            /**
             * @description The decree’s number, as recorded
             * @example M.HH-03.HA.02.01.01/2026
             */
            decreeNumber: string;
            /**
             * Format: date
             * @description The decree’s date, as recorded
             * @example 2026-11-15
             */
            decreeDate: string;
        };
        PublicDecreedYears: {
            /** @description Latest data year first; empty before the first decree */
            items: components["schemas"]["PublicDecreedYear"][];
        };
        PublicDecree: {
            /** @example M.HH-03.HA.02.01.01/2026 */
            number: string;
            /**
             * Format: date
             * @example 2026-11-15
             */
            date: string;
        };
        PublicRegionBand: {
            /** @example 64.71 */
            code: string;
            /** @example Kota Balikpapan */
            name: string;
            /** @example 64 */
            provinceCode: string;
            /** @example Kalimantan Timur */
            provinceName: string;
            /**
             * @description The band (category) of the decree
             * @example PEDULI
             */
            band: string;
        };
        PublicBandCount: {
            /** @example PEDULI */
            band: string;
            /** @example 3 */
            count: number;
        };
        PublicProvinceShare: {
            /** @example 64 */
            code: string;
            /** @example Kalimantan Timur */
            name: string;
            /**
             * @description Regencies and cities with a result
             * @example 10
             */
            rated: number;
            /** @description One entry per band, in the order of `bands`, zero counts included */
            counts: components["schemas"]["PublicBandCount"][];
        };
        PublicYearResults: {
            /** @example 2025 */
            dataYear: number;
            /** @example 2026 */
            awardYear: number;
            decree: components["schemas"]["PublicDecree"];
            /**
             * @description The bands, highest first
             * @example [
             *       "PEDULI",
             *       "CUKUP_PEDULI",
             *       "MULAI_PEDULI",
             *       "KURANG_PEDULI"
             *     ]
             */
            bands: string[];
            /** @description Every regency and city with a result, by province then code */
            regions: components["schemas"]["PublicRegionBand"][];
            /** @description Every province with a result, by code */
            provinces: components["schemas"]["PublicProvinceShare"][];
        };
        PublicRegionYear: {
            /** @example 2025 */
            dataYear: number;
            /** @example 2026 */
            awardYear: number;
            /** @example PEDULI */
            band: string;
            decree: components["schemas"]["PublicDecree"];
        };
        PublicRegionHistory: {
            /** @example 64.71 */
            code: string;
            /** @example Kota Balikpapan */
            name: string;
            /** @example 64 */
            provinceCode: string;
            /** @example Kalimantan Timur */
            provinceName: string;
            /** @description Latest data year first; empty when it has no decreed result yet */
            years: components["schemas"]["PublicRegionYear"][];
        };
        ReturnedCodeView: {
            /**
             * @description The indicator or action code
             * @example K1.P1
             */
            code: string;
            /**
             * @description Return reasons naming this code, over every review stage
             * @example 3
             */
            returns: number;
            /**
             * @description Rejections of this code set by a verifying stage with its approval
             * @example 1
             */
            rejections: number;
            /**
             * @description Distinct reports it was returned or rejected in
             * @example 2
             */
            submissions: number;
        };
        ReturnsView: {
            /** Format: uuid */
            cycleId: string;
            /**
             * @description null: every period of the cycle
             * @example 2026-B08
             */
            periodKey: string | null;
            /**
             * @description Reviews that returned a report in scope, with or without a code
             * @example 5
             */
            returnedReviews: number;
            /** @description Most often returned or rejected first (returns + rejections), then by code */
            items: components["schemas"]["ReturnedCodeView"][];
        };
        TimelinessView: {
            /** Format: uuid */
            cycleId: string;
            /** @example 2026-B08 */
            periodKey: string;
            /** @description false while the period has no deadline yet: nobody is LATE then */
            deadlineSet: boolean;
            /**
             * @description Reporters’ own reports (a regency/city’s) per timeliness, every one present: ON_TIME sent in time, SUBMITTED_LATE sent after the deadline within an extension, LATE still owing after it, NOT_YET not sent while the deadline has not passed. Units’ inputs are not counted: they answer to their coordinator’s internal deadline
             * @example {
             *       "ON_TIME": 310,
             *       "SUBMITTED_LATE": 12,
             *       "LATE": 40,
             *       "NOT_YET": 152
             *     }
             */
            counts: {
                [key: string]: number;
            };
            /**
             * @description The reports counted
             * @example 514
             */
            total: number;
        };
        AssignmentReporterView: {
            /**
             * @description The regency/city; null for a ministry or a Biro Hukum
             * @example 64.71
             */
            regionCode: string | null;
            /**
             * Format: uuid
             * @description The ministry or the Biro Hukum; null for a regency/city
             */
            organisationId: string | null;
            /** @example Kota Balikpapan */
            name: string;
        };
        AssignmentUnitView: {
            /** Format: uuid */
            id: string;
            /** @example Dinas Sosial Kota Balikpapan */
            name: string;
            /**
             * @example OPD
             * @enum {string}
             */
            kind: "MINISTRY" | "DIRECTORATE" | "KANWIL" | "BIRO_HUKUM" | "BAGIAN_HUKUM" | "OPD" | "COMPANY" | "UNIVERSITY" | "NGO";
            /** @description false: the unit was deactivated after it was assigned; it can no longer be assigned */
            active: boolean;
        };
        AssignableItemView: {
            /** @example AKSI-2025-01 */
            code: string;
            /**
             * @example ACTION
             * @enum {string}
             */
            kind: "INDICATOR" | "ACTION" | "MEASURE";
            /** @example Penyusunan Perwal tentang kota layak anak */
            text: string;
            /**
             * @description A measure’s action; null for indicators and actions
             * @example null
             */
            parentCode: string | null;
            /**
             * @description A measure’s period (e.g. B08); null for indicators and actions
             * @example null
             */
            periodCode: string | null;
            /** @description The units assigned to the item itself (an action’s units also answer its measures) */
            unitIds: string[];
            /**
             * Format: uuid
             * @description The unit whose answer settles a disagreement; null when unassigned
             */
            leadUnitId: string | null;
        };
        AssignmentsView: {
            /** Format: uuid */
            cycleId: string;
            /** @enum {string} */
            programme: "KKP_HAM" | "RANHAM";
            reporter: components["schemas"]["AssignmentReporterView"];
            /** @description false: the reporter assigns nothing in this cycle, so every unit may answer everything */
            assigning: boolean;
            /** @description The reporter’s active units, then any deactivated unit still assigned */
            units: components["schemas"]["AssignmentUnitView"][];
            /** @description Every assignable item of the cycle’s framework version, in its order (an action followed by its measures) */
            items: components["schemas"]["AssignableItemView"][];
            /**
             * @description Answer codes (indicator or measure codes, over every period of the cycle) no unit covers; the list behind completeness’ unassignedItems. Every code while `assigning` is false.
             * @example [
             *       "AKSI-2025-02.B08.1"
             *     ]
             */
            unassignedCodes: string[];
        };
        AssignmentItemBody: {
            /**
             * @description A KKP HAM indicator code, a RANHAM action code (all its measures) or a RANHAM measure code
             * @example K1.S1
             */
            code: string;
            /**
             * @description The units that answer it; an empty list assigns nothing
             * @example [
             *       "7d3c1a8e-2b4f-4c1d-9e6a-5f0b8c2d1e3a"
             *     ]
             */
            unitIds: string[];
            /**
             * Format: uuid
             * @description The unit whose answer settles a disagreement; defaults to the only unit, required when there are several
             * @example 7d3c1a8e-2b4f-4c1d-9e6a-5f0b8c2d1e3a
             */
            leadUnitId?: string | null;
        };
        ReplaceAssignmentsBody: {
            /**
             * Format: uuid
             * @description The reporting cycle (a KKP HAM award year or a RANHAM year)
             */
            cycleId: string;
            /**
             * @description The regency/city whose units are assigned; required unless `organisationId` is given
             * @example 64.71
             */
            regionCode?: string;
            /**
             * Format: uuid
             * @description The ministry (MINISTRY) or the province’s Biro Hukum (BIRO_HUKUM) whose units are assigned
             */
            organisationId?: string;
            /** @description The reporter’s whole set for the cycle: it replaces what was stored; an empty list clears it */
            items: components["schemas"]["AssignmentItemBody"][];
        };
        CopyForwardBody: {
            /**
             * Format: uuid
             * @description The reporting cycle (a KKP HAM award year or a RANHAM year)
             */
            cycleId: string;
            /**
             * @description The regency/city whose units are assigned; required unless `organisationId` is given
             * @example 64.71
             */
            regionCode?: string;
            /**
             * Format: uuid
             * @description The ministry (MINISTRY) or the province’s Biro Hukum (BIRO_HUKUM) whose units are assigned
             */
            organisationId?: string;
        };
        CopyForwardDropView: {
            /** @example AKSI-2025-03 */
            code: string;
            /**
             * Format: uuid
             * @description The unit dropped from the item; null when the whole item was dropped
             */
            unitId: string | null;
            /**
             * @description ITEM_NOT_IN_VERSION: the cycle’s version no longer has the item; UNIT_INACTIVE: the unit was deactivated
             * @enum {string}
             */
            reason: "ITEM_NOT_IN_VERSION" | "UNIT_INACTIVE";
        };
        CopyForwardView: {
            /** Format: uuid */
            cycleId: string;
            /** @enum {string} */
            programme: "KKP_HAM" | "RANHAM";
            reporter: components["schemas"]["AssignmentReporterView"];
            /** @description false: the reporter assigns nothing in this cycle, so every unit may answer everything */
            assigning: boolean;
            /** @description The reporter’s active units, then any deactivated unit still assigned */
            units: components["schemas"]["AssignmentUnitView"][];
            /** @description Every assignable item of the cycle’s framework version, in its order (an action followed by its measures) */
            items: components["schemas"]["AssignableItemView"][];
            /**
             * @description Answer codes (indicator or measure codes, over every period of the cycle) no unit covers; the list behind completeness’ unassignedItems. Every code while `assigning` is false.
             * @example [
             *       "AKSI-2025-02.B08.1"
             *     ]
             */
            unassignedCodes: string[];
            /**
             * Format: uuid
             * @description The earlier cycle the set was copied from
             */
            copiedFromCycleId: string;
            /** @description What was not carried over, and why */
            dropped: components["schemas"]["CopyForwardDropView"][];
        };
        /** @enum {string} */
        KkpMilestone: "PEMDA_INPUT_CLOSE" | "KANWIL_VERIFICATION_CLOSE" | "CENTRAL_REVIEW_CLOSE" | "DECREE" | "AWARD";
        MilestoneView: {
            code: components["schemas"]["KkpMilestone"];
            /**
             * Format: date
             * @example 2026-03-31
             */
            date: string;
            /**
             * @description null: the end of the day
             * @example 16:00
             */
            time: string | null;
            /** @description true while the cycle keeps the usual date for this step */
            isDefault: boolean;
        };
        MilestoneBody: {
            /**
             * @description Local date in each regency/city’s zone
             * @example 2026-03-31
             */
            date: string;
            /**
             * @description Local time; omitted means the end of the day
             * @example 16:00
             */
            time?: string;
        };
        InternalDeadlineView: {
            /**
             * @description The regency/city; null for a ministry or a province reporter
             * @example 64.71
             */
            regionCode: string | null;
            /**
             * Format: uuid
             * @description The ministry or the Biro Hukum whose units it binds; null for a regency/city
             */
            reporterOrganisationId: string | null;
            /**
             * Format: date
             * @example 2026-09-01
             */
            deadlineDate: string;
            /**
             * @description null: the end of the day
             * @example 16:00
             */
            deadlineTime: string | null;
            /**
             * Format: date-time
             * @description The instant in the reporter’s zone (WIB for a ministry), or the period’s one zone
             */
            deadlineAt: string;
            /** @description As people read it, with its zone */
            deadline: components["schemas"]["LocalisedDeadline"];
        };
        InternalDeadlineBody: {
            /**
             * @description Local date in the reporter’s zone (WIB for a ministry)
             * @example 2026-09-01
             */
            deadlineDate: string;
            /** @example 16:00 */
            deadlineTime?: string;
        };
        /** @enum {string} */
        ReminderKind: "BEFORE_DEADLINE" | "OVERDUE" | "ESCALATION" | "DIGEST" | "DEADLINE_MOVED";
        /** @enum {string} */
        ReminderStatus: "PLANNED" | "SENDING" | "SENT" | "SKIPPED" | "FAILED" | "VOID";
        ReminderView: {
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["ReminderKind"];
            /**
             * @description Which reminder of the plan: D-7 (days before), D+1 (after), M-30 (minutes), ESCALATION:<region>, DIGEST:<region>:<date> or MOVED
             * @example D-7
             */
            slot: string;
            status: components["schemas"]["ReminderStatus"];
            /** Format: uuid */
            recipientUserId: string;
            /** @example operator@balikpapan.go.id */
            recipientEmail: string;
            /**
             * @description Null for a reminder about a province’s or a ministry’s report or its units’ inputs
             * @example 64.71
             */
            regionCode: string | null;
            /**
             * Format: uuid
             * @description null: the regency/city itself
             */
            organisationId: string | null;
            /** Format: date-time */
            deadlineAt: string;
            deadline: components["schemas"]["LocalisedDeadline"];
            /** @example Asia/Makassar */
            timeZone: string;
            /** Format: date-time */
            sendAt: string;
            attempts: number;
            /** @description Raised by each resend by hand */
            generation: number;
            /** Format: date-time */
            retryAt: string | null;
            /** Format: date-time */
            sentAt: string | null;
            messageId: string | null;
            /** @description The SMTP server’s reply */
            smtpResponse: string | null;
            lastError: string | null;
            /** @example COMPLETED */
            skipReason: string | null;
        };
        ReminderPage: {
            /** Format: uuid */
            periodId: string;
            /** @example 2026-B08 */
            periodKey: string;
            /**
             * @description Reminders per status under the other filters (every status present)
             * @example {
             *       "PLANNED": 12,
             *       "SENDING": 0,
             *       "SENT": 30,
             *       "SKIPPED": 2,
             *       "FAILED": 1,
             *       "VOID": 4
             *     }
             */
            totals: {
                [key: string]: number;
            };
            /** @description Reminders matching every filter, over all pages */
            total: number;
            items: components["schemas"]["ReminderView"][];
        };
        ResendBody: {
            /** @example Operator baru menggantikan yang lama */
            reason: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    Auth_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Wrong email or password (the same answer for unknown addresses) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests or failed sign-ins from this address, or too many failures for this email from this address; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Auth_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The refresh token is unknown, expired, revoked or was already used, or the account is deactivated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after the `Retry-After` header */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Auth_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshBody"];
            };
        };
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The refresh token is unknown or already revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after the `Retry-After` header */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Auth_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeView"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Health_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessView"];
                };
            };
        };
    };
    Health_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Both answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessView"];
                };
            };
            /** @description One of them does not; `checks` says which and why */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessView"];
                };
            };
        };
    };
    Regions_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Two-digit province code, e.g. 64 (Kalimantan Timur) */
                province?: string;
                kind?: "KABUPATEN" | "KOTA";
                timeZone?: "WIB" | "WITA" | "WIT";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionPage"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Regions_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Submissions_list: {
        parameters: {
            query?: {
                programme?: "KKP_HAM" | "RANHAM";
                periodKey?: string;
                status?: "DRAFT" | "SUBMITTED" | "CHECKING" | "CHECK_FAILED" | "IN_REVIEW" | "RETURNED" | "VERIFIED" | "SCORED";
                /** @description Only submissions IN_REVIEW waiting at this stage, e.g. CENTRAL: the centre’s national queue */
                reviewStage?: "UNIT_HEAD" | "COORDINATOR" | "KANWIL" | "CENTRAL";
                /** @description The reporting unit */
                organisationId?: string;
                regionCode?: string;
                provinceCode?: string;
                /** @description The `nextCursor` of the previous page; the next page starts after it */
                cursor?: string;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionPage"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Submissions_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSubmissionBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Submissions_compile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompileBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompiledSubmissionView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Submissions_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Submissions_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSubmissionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Submissions_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Submissions_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["EvidenceUploadForm"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too large, or over a quota; the message gives the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Submissions_reuse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReuseEvidenceBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too large, or over a quota; the message gives the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Submissions_removeEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed; its stored bytes go once no other document shares them */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Submissions_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document’s bytes, with the Content-Type found by sniffing them (e.g. application/pdf), as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Review_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Review_return: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Review_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewView"][];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Workbook_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workbook, as an attachment named after the reporter and period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Workbook_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description The workbook downloaded from GET, filled in, as the raw body (not multipart). At most 5 MB. */
        requestBody: {
            content: {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkbookUploadView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too large, or over a quota; the message gives the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Organisations_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                kind?: "MINISTRY" | "DIRECTORATE" | "KANWIL" | "BIRO_HUKUM" | "BAGIAN_HUKUM" | "OPD" | "COMPANY" | "UNIVERSITY" | "NGO";
                provinceCode?: string;
                regionCode?: string;
                /** @description Only the units of this reporting organisation */
                parentId?: string;
                active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationPage"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Organisations_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganisationBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Organisations_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Organisations_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganisationBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Organisations_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                organisationId?: string;
                regionCode?: string;
                role?: "NATIONAL_ADMIN" | "KANWIL_VERIFIER" | "CENTRAL_VERIFIER" | "COORDINATOR" | "UNIT_HEAD" | "UNIT_OPERATOR" | "VIEWER";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_addRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleAssignmentBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_removeRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                assignmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Users_resendInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Accounts_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordBody"];
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The current password is wrong, or the new one is too short */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after the `Retry-After` header */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Accounts_requestReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequestBody"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetRequestedView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Accounts_confirmReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenPasswordBody"];
            };
        };
        responses: {
            /** @description The new password is set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The token was used, has expired or is wrong, or the password is too short */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after the `Retry-After` header */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Accounts_acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenPasswordBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationAcceptedView"];
                };
            };
            /** @description The token was used, has expired or is wrong, or the password is too short */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after the `Retry-After` header */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ApiTokens_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenView"][];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ApiTokens_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiTokenBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiTokenView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ApiTokens_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Audit_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description The `nextCursor` of the previous page; the next page starts after it. Replaces `page`. */
                cursor?: string;
                entityType?: string;
                entityId?: string;
                action?: string;
                actorId?: string;
                regionCode?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Frameworks_list: {
        parameters: {
            query?: {
                programme?: "KKP_HAM" | "RANHAM";
                frameworkCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionSummary"][];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Frameworks_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionDetail"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Frameworks_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDraftBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Frameworks_draftFrom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new DRAFT */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionSummary"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Frameworks_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedVersion"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Frameworks_retire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionSummary"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Frameworks_whatIfScore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WhatIfBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhatIfResult"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    FrameworkFiles_export: {
        parameters: {
            query: {
                /** @description json, yaml, or xlsx (one sheet per level) */
                format: "json" | "yaml" | "xlsx";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment named after the framework code and version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": string;
                    "application/yaml; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    FrameworkFiles_importNew: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The file itself as the raw body (not multipart): JSON or YAML (format peduli.framework, formatVersion 1) or an XLSX workbook laid out like an export. At most 5 MB. */
        requestBody: {
            content: {
                "application/json": string;
                "application/yaml": string;
                "text/yaml": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description The new DRAFT */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionSummary"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too large, or over a quota; the message gives the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    FrameworkFiles_importInto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description The file itself as the raw body (not multipart): JSON or YAML (format peduli.framework, formatVersion 1) or an XLSX workbook laid out like an export. At most 5 MB. */
        requestBody: {
            content: {
                "application/json": string;
                "application/yaml": string;
                "text/yaml": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionSummary"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too large, or over a quota; the message gives the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Cycles_list: {
        parameters: {
            query?: {
                programme?: "KKP_HAM" | "RANHAM";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleView"][];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Cycles_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCycleBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleChange"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Cycles_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Cycles_recordDecree: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecreeBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Cycles_switchVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SwitchVersionBody"];
            };
        };
        responses: {
            /** @description recalculation is null when the cycle was already on that version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleChange"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Periods_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cycleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodView"][];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Periods_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cycleId: string;
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PeriodBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Periods_extensions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cycleId: string;
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtensionView"][];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Periods_extend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cycleId: string;
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtensionView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ReminderPolicy_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cycleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ReminderPolicy_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cycleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyBody"];
            };
        };
        responses: {
            /** @description The policy now in force; every period of the cycle is planned again under it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Recalculations_list: {
        parameters: {
            query?: {
                cycleId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunSummary"][];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Recalculations_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunReport"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Completeness_matrix: {
        parameters: {
            query: {
                cycleId: string;
                periodCode: string;
                provinceCode?: string;
                regionCode?: string;
                /** @description A ministry or a Biro Hukum: lists its own report and its units (directorates, province OPD) instead of regencies/cities */
                organisationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompletenessView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Scores_current: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description The cycle (programme and year) */
                cycleId?: string;
                regionCode?: string;
                /** @description The reporting unit */
                organisationId?: string;
                periodKey?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScorePage"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Scores_reporters: {
        parameters: {
            query: {
                page?: number;
                pageSize?: number;
                /** @description The cycle (programme and year) */
                cycleId: string;
                periodKey?: string;
                /** @description Only the reports of this province (its regencies/cities and its own) */
                provinceCode?: string;
                /** @description Only scores in this band (KKP HAM) or standing (RANHAM) */
                band?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScorePage"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Scores_history: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description The cycle (programme and year) */
                cycleId?: string;
                regionCode?: string;
                /** @description The reporting unit */
                organisationId?: string;
                periodKey?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScorePage"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Scores_ranhamYearly: {
        parameters: {
            query: {
                /** @description The RANHAM reporting year */
                year: number;
                /** @description A regency/city reporter */
                regionCode?: string;
                /** @description A ministry or a province’s Biro Hukum */
                organisationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RanhamYearlyView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Scores_ranhamYearlyOfRegencies: {
        parameters: {
            query: {
                year: number;
                /** @description Only the regencies/cities of this province */
                provinceCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RanhamYearlyList"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Scores_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoreSnapshotView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Scores_explain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoreExplanation"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PrintedReports_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Documents of this cycle (its year’s reports and its certificates) */
                cycleId?: string;
                regionCode?: string;
                organisationId?: string;
                kind?: "KKP_SCORE_REPORT" | "RANHAM_PERIOD_REPORT" | "RANHAM_YEAR_SUMMARY" | "CERTIFICATE";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintedReportPage"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PrintedReports_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePrintedReportBody"];
            };
        };
        responses: {
            /** @description The document of the same data, already asked for */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintedReportView"];
                };
            };
            /** @description A new document is being made */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintedReportView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PrintedReports_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintedReportView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PrintedReports_content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF, as an attachment named by its file name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Adjustments_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description An adjustment code of the framework version the submission is scored under */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetAdjustmentBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdjustmentChange"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Adjustments_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemoveAdjustmentBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdjustmentChange"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Adjustments_applyAksiHamBonus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AksiHamBonusRun"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Awards_provinces: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleProvinces"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Exports_exportScores: {
        parameters: {
            query: {
                /** @description csv (UTF-8 with BOM) or xlsx */
                format: "csv" | "xlsx";
                provinceCode?: string;
                regionCode?: string;
                /** @description The cycle (programme and year) */
                cycleId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment: `text/csv` (UTF-8 with a BOM) for format=csv, an XLSX workbook for format=xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Exports_exportCompleteness: {
        parameters: {
            query: {
                /** @description csv (UTF-8 with BOM) or xlsx */
                format: "csv" | "xlsx";
                provinceCode?: string;
                regionCode?: string;
                /** @description The cycle (programme and year) */
                cycleId: string;
                periodCode: string;
                /** @description A ministry or a Biro Hukum: its own report and its units instead of regencies/cities */
                organisationId?: string;
                /** @description Only the units of this status */
                status?: components["schemas"]["CompletenessStatus"];
                /** @description Only the late units: LATE, or submitted after the deadline within an extension */
                lateOnly?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment: `text/csv` (UTF-8 with a BOM) for format=csv, an XLSX workbook for format=xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Exports_exportAudit: {
        parameters: {
            query: {
                /** @description csv (UTF-8 with BOM) or xlsx */
                format: "csv" | "xlsx";
                from: string;
                to: string;
                entityType?: string;
                regionCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment: `text/csv` (UTF-8 with a BOM) for format=csv, an XLSX workbook for format=xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PublicResults_years: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of a copy the client holds */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicDecreedYears"];
                };
            };
            /** @description The client’s copy (If-None-Match) is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests; retry after the `Retry-After` header */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PublicResults_year: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of a copy the client holds */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The data year (the award is given the year after) */
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicYearResults"];
                };
            };
            /** @description The client’s copy (If-None-Match) is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after the `Retry-After` header */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PublicResults_region: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of a copy the client holds */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The official code of the regency or city */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicRegionHistory"];
                };
            };
            /** @description The client’s copy (If-None-Match) is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; retry after the `Retry-After` header */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Dashboard_returns: {
        parameters: {
            query: {
                /** @description The cycle (programme and year) */
                cycleId: string;
                /** @description Only the reviews of this period’s reports */
                periodCode?: string;
                /** @description How many codes, most often failed or returned first */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnsView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Dashboard_timeliness: {
        parameters: {
            query: {
                /** @description The cycle (programme and year) */
                cycleId: string;
                periodCode: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelinessView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Assignments_view: {
        parameters: {
            query: {
                /** @description The reporting cycle (a KKP HAM award year or a RANHAM year) */
                cycleId: string;
                /** @description The regency/city whose units are assigned; required unless `organisationId` is given */
                regionCode?: string;
                /** @description The ministry (MINISTRY) or the province’s Biro Hukum (BIRO_HUKUM) whose units are assigned */
                organisationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentsView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Assignments_replace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceAssignmentsBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentsView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Assignments_copyForward: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CopyForwardBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CopyForwardView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Milestones_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cycleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneView"][];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Milestones_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cycleId: string;
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MilestoneBody"];
            };
        };
        responses: {
            /** @description Every milestone of the cycle after the move */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneView"][];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    InternalDeadlines_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cycleId: string;
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalDeadlineView"][];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    InternalDeadlines_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cycleId: string;
                code: string;
                /** @description A regency/city code (e.g. 64.71), or the id of a ministry or a Biro Hukum */
                reporter: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InternalDeadlineBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalDeadlineView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    InternalDeadlines_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cycleId: string;
                code: string;
                /** @description A regency/city code (e.g. 64.71), or the id of a ministry or a Biro Hukum */
                reporter: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Dropped */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Reminders_list: {
        parameters: {
            query?: {
                status?: "PLANNED" | "SENDING" | "SENT" | "SKIPPED" | "FAILED" | "VOID";
                kind?: "BEFORE_DEADLINE" | "OVERDUE" | "ESCALATION" | "DIGEST" | "DEADLINE_MOVED";
                regionCode?: string;
                organisationId?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                cycleId: string;
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderPage"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    Reminders_resend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResendBody"];
            };
        };
        responses: {
            /** @description Planned again for now; the reminder worker sends it */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderView"];
                };
            };
            /** @description Invalid input: the message and `problems` say what to fix */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid access token (or API token) was sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The caller’s roles do not allow this here; the message says which permission is missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state (status, deadline, an existing record); the message says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
