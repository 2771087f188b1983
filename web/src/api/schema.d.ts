/**
 * Generated from the server's OpenAPI document by scripts/gen-api-types.ts.
 * Do not edit by hand: run `npm run gen:api`.
 */

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Состояние сервиса */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Готовность: база данных и очередь фоновых задач (503, пока база недоступна) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Вход по логину (e-mail, телефон или СНИЛС) и паролю
         * @description Неверный логин и неверный пароль дают один и тот же ответ. После 5 неудачных попыток с одного адреса вход по этому логину с этого адреса откладывается на растущий срок (1, 2, 4… минут, не больше часа; 429 account_locked, заголовок Retry-After); после 20 неудачных попыток отовсюду — так же для устройств, с которых человек ещё не входил. Если у человека включён второй фактор, ответ содержит challengeToken для POST /api/auth/login/second-factor.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        login: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            person: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                fullName: string;
                                email: string | null;
                                hasPassword: boolean;
                                /** @description Включён второй фактор (TOTP) */
                                secondFactor: boolean;
                            };
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            organizationId: string | null;
                            organizations: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                                roles: string[];
                                role: string;
                                access: string;
                                /** Format: date-time */
                                validUntil: string | null;
                                /** @description Доступ организации приостановлен оператором: действовать от её имени нельзя, только просматривать */
                                suspended: boolean;
                                /** @description Причина приостановления */
                                suspendedReason: string | null;
                            }[];
                            /** @description Демо-стенд: есть страница исходящей почты (GET /api/outbox) */
                            demo: boolean;
                        } | {
                            /** @enum {boolean} */
                            secondFactorRequired: true;
                            /** @description Передайте в POST /api/auth/login/second-factor вместе с кодом */
                            challengeToken: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Второй шаг входа: код из приложения (TOTP) или резервный код */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        challengeToken: string;
                        /** @description 6 цифр из приложения или резервный код */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            person: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                fullName: string;
                                email: string | null;
                                hasPassword: boolean;
                                /** @description Включён второй фактор (TOTP) */
                                secondFactor: boolean;
                            };
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            organizationId: string | null;
                            organizations: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                                roles: string[];
                                role: string;
                                access: string;
                                /** Format: date-time */
                                validUntil: string | null;
                                /** @description Доступ организации приостановлен оператором: действовать от её имени нельзя, только просматривать */
                                suspended: boolean;
                                /** @description Причина приостановления */
                                suspendedReason: string | null;
                            }[];
                            /** @description Демо-стенд: есть страница исходящей почты (GET /api/outbox) */
                            demo: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Выход */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Кто я и от имени каких организаций могу действовать */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            person: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                fullName: string;
                                email: string | null;
                                hasPassword: boolean;
                                /** @description Включён второй фактор (TOTP) */
                                secondFactor: boolean;
                            };
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            organizationId: string | null;
                            organizations: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                                roles: string[];
                                role: string;
                                access: string;
                                /** Format: date-time */
                                validUntil: string | null;
                                /** @description Доступ организации приостановлен оператором: действовать от её имени нельзя, только просматривать */
                                suspended: boolean;
                                /** @description Причина приостановления */
                                suspendedReason: string | null;
                            }[];
                            /** @description Демо-стенд: есть страница исходящей почты (GET /api/outbox) */
                            demo: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/switch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Сменить профиль: выбрать организацию, от имени которой действовать
         * @description Организация запоминается в сеансе. Клиенты API могут вместо этого называть организацию в каждом запросе заголовком X-Organization-Id (проверяется по действующему участию).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Идентификатор (UUID)
                         */
                        organizationId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            person: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                fullName: string;
                                email: string | null;
                                hasPassword: boolean;
                                /** @description Включён второй фактор (TOTP) */
                                secondFactor: boolean;
                            };
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            organizationId: string | null;
                            organizations: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                                roles: string[];
                                role: string;
                                access: string;
                                /** Format: date-time */
                                validUntil: string | null;
                                /** @description Доступ организации приостановлен оператором: действовать от её имени нельзя, только просматривать */
                                suspended: boolean;
                                /** @description Причина приостановления */
                                suspendedReason: string | null;
                            }[];
                            /** @description Демо-стенд: есть страница исходящей почты (GET /api/outbox) */
                            demo: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Мои активные сеансы */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                current: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                lastSeenAt: string;
                                ip: string | null;
                                device: string | null;
                                method: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Завершить сеанс */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Завершить сеанс по одноразовой ссылке из письма «Предупреждение о входе» */
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Сменить пароль (остальные сеансы завершаются)
         * @description Пароль: не короче 8 символов, заглавные и строчные латинские буквы и цифры.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Восстановление пароля: ссылка и код на электронную почту
         * @description Ответ одинаков, есть такой логин или нет.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        login: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Задать новый пароль по ссылке (token) или по логину и коду из письма */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token?: string;
                        login?: string;
                        code?: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Состояние второго фактора */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            recoveryCodesLeft: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/second-factor/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Подключить приложение-аутентификатор: ключ и адрес otpauth:// для QR-кода */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                            uri: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/second-factor/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Включить второй фактор кодом из приложения; ответ — резервные коды (показываются один раз) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recoveryCodes: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/second-factor/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Отключить второй фактор (нужен пароль и код) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        /** @description 6 цифр из приложения или резервный код */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/certificate/challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Вход по электронной подписи, шаг 1: получить запрос на подпись
         * @description Запрос действует 5 минут и принимается один раз. Подпишите его (CMS, ГОСТ Р 34.10-2012): `npm run sign-challenge -- --key key.pem --cert cert.pem --challenge "<challenge>"`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            challengeId: string;
                            challenge: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/certificate/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Вход по электронной подписи, шаг 2: подписанный запрос
         * @description signature — подпись CMS (присоединённая или отсоединённая) в PEM или base64. Проверяются подпись, срок действия сертификата и цепочка до доверенных удостоверяющих центров; из сертификата читаются ИНН ЮЛ / ИНН, ОГРН / ОГРНИП и СНИЛС. При первом входе организация создаётся, профиль заполняется из ЕГРЮЛ/ЕГРИП.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Идентификатор (UUID)
                         */
                        challengeId: string;
                        signature: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            person: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                fullName: string;
                                email: string | null;
                                hasPassword: boolean;
                                /** @description Включён второй фактор (TOTP) */
                                secondFactor: boolean;
                            };
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            organizationId: string | null;
                            organizations: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                                roles: string[];
                                role: string;
                                access: string;
                                /** Format: date-time */
                                validUntil: string | null;
                                /** @description Доступ организации приостановлен оператором: действовать от её имени нельзя, только просматривать */
                                suspended: boolean;
                                /** @description Причина приостановления */
                                suspendedReason: string | null;
                            }[];
                            /** @description Демо-стенд: есть страница исходящей почты (GET /api/outbox) */
                            demo: boolean;
                            createdOrganization: boolean;
                            profileFromRegister: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/account/deletion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Что удаляется и что сохраняется при удалении учётной записи */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            removed: string[];
                            kept: string[];
                            irreversible: string;
                            needsPassword: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/account/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Удалить учётную запись (подтверждение паролем) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password?: string;
                        confirm?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Вход через ЕСИА / OpenID Connect: включён ли и как называется провайдер */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            providerName: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Вход через ЕСИА / OpenID Connect, шаг 1: переход к провайдеру
         * @description Отвечает 302 на страницу входа провайдера (код авторизации, PKCE S256, state, nonce). state, nonce и code_verifier хранятся на сервере 10 минут; браузер получает cookie ossig_oidc.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Вход через ЕСИА / OpenID Connect, шаг 2: возврат от провайдера
         * @description Проверяет state (и cookie ossig_oidc этого браузера), обменивает код на токены (PKCE), проверяет ID-токен и nonce, находит человека по СНИЛС или подтверждённой электронной почте и открывает сеанс; затем 302 на «/». Ошибка: 302 на /login?error=<код> (или problem+json при Accept: application/json).
         */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    iss?: string;
                    error?: string;
                    error_description?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Объекты образования ОСС, доступные организации
         * @description Без archived — действующие объекты; archived=true — снятые с учёта. q ищет по наименованию, адресу и кадастровому номеру.
         */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    archived?: boolean;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string;
                                /** @description Кадастровые номера */
                                cadastralNumbers: string[];
                                /**
                                 * @description Вид работ
                                 * @enum {string}
                                 */
                                worksKind: "construction" | "reconstruction" | "demolition" | "capital_repair" | "networks" | "landscaping" | "other";
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                plannedFrom: string | null;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                plannedTo: string | null;
                                archived: boolean;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                producerId: string;
                                producerName: string;
                                permitCount: number;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Внести объект образования ОСС в реестр
         * @description Наименование, адрес, кадастровые номера, вид работ, разрешительный документ (вид, номер, дата) и плановые сроки работ обязательны. Принимает Idempotency-Key.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string | null;
                        address?: string | null;
                        /** @description Кадастровые номера, вида 77:01:0001001:1234 */
                        cadastralNumbers?: string[];
                        /**
                         * @description Вид работ
                         * @enum {string|null}
                         */
                        worksKind?: "construction" | "reconstruction" | "demolition" | "capital_repair" | "networks" | "landscaping" | "other" | null;
                        /**
                         * @description Вид разрешительного документа
                         * @enum {string|null}
                         */
                        worksDocumentKind?: "building_permit" | "oati_order" | "demolition_permit" | "other" | null;
                        worksDocumentNumber?: string | null;
                        worksDocumentDate?: string | null;
                        plannedFrom?: string | null;
                        plannedTo?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Карточка объекта образования ОСС */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            name: string;
                            address: string;
                            /** @description Кадастровые номера */
                            cadastralNumbers: string[];
                            /**
                             * @description Вид работ
                             * @enum {string}
                             */
                            worksKind: "construction" | "reconstruction" | "demolition" | "capital_repair" | "networks" | "landscaping" | "other";
                            /**
                             * @description Вид разрешительного документа
                             * @enum {string|null}
                             */
                            worksDocumentKind: "building_permit" | "oati_order" | "demolition_permit" | "other" | null;
                            worksDocumentNumber: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksDocumentDate: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            plannedFrom: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            plannedTo: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            archivedAt: string | null;
                            /** @description Может ли пользователь изменять и снимать с учёта этот объект */
                            editable: boolean;
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            producerId: string;
                            producerName: string;
                            producerInn: string;
                            producerOgrn: string | null;
                            permits: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string;
                                status: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Изменить объект образования ОСС
         * @description version — версия, на которой сделано изменение; если объект уже изменён, ответ 409 register_version_conflict. Не указанные поля не меняются.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Версия записи, на которой сделано изменение (оптимистическая блокировка) */
                        version: number;
                        name?: string | null;
                        address?: string | null;
                        /** @description Кадастровые номера, вида 77:01:0001001:1234 */
                        cadastralNumbers?: string[];
                        /**
                         * @description Вид работ
                         * @enum {string|null}
                         */
                        worksKind?: "construction" | "reconstruction" | "demolition" | "capital_repair" | "networks" | "landscaping" | "other" | null;
                        /**
                         * @description Вид разрешительного документа
                         * @enum {string|null}
                         */
                        worksDocumentKind?: "building_permit" | "oati_order" | "demolition_permit" | "other" | null;
                        worksDocumentNumber?: string | null;
                        worksDocumentDate?: string | null;
                        plannedFrom?: string | null;
                        plannedTo?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            version: number;
                            changed: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/sites/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Снять объект образования ОСС с учёта (в архив)
         * @description Недоступно, пока по объекту действует разрешение или есть незавершённое заявление.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Версия записи, на которой сделано изменение (оптимистическая блокировка) */
                        version: number;
                        reason?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sites/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** История изменений объекта образования ОСС: кто, когда, что изменил */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** Format: date-time */
                                at: string;
                                /** @enum {string} */
                                action: "created" | "updated" | "archived" | "restored" | "suspended" | "reactivated" | "transferred";
                                version: number;
                                personName: string | null;
                                organizationName: string | null;
                                reason: string | null;
                                changes: {
                                    field: string;
                                    before: unknown;
                                    after: unknown;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sites/{id}/permits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Разрешения объекта, по которым было перемещение в периоде
         * @description Для каждого разрешения — число сформированных рейсов периода; перемещённый (принятый объектами приёма) объём и масса, отдельно — ожидающие решения и отклонённые; сколько рейсов ещё не сформировано и когда они сформируются (через 27 часов после завершения).
         */
        get: {
            parameters: {
                query: {
                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                    from: string;
                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                    to: string;
                };
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            from: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            to: string;
                            formationHours: number;
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string;
                                status: string;
                                /** @description Сформированные рейсы периода (все: принятые, ожидающие решения и отклонённые) */
                                formedTrips: number;
                                /** @description Перемещено: объём сформированных рейсов, принятых объектом приёма, м³ */
                                formedVolume: string;
                                /** @description Перемещено: масса сформированных рейсов, принятых объектом приёма (по весам, где указана), т */
                                formedMass: string;
                                /** @description Что считается перемещённым: только принятые объектом приёма грузы; ожидающие решения и отклонённые — отдельно */
                                movement: {
                                    accepted: {
                                        /** @description Перемещено и принято объектом приёма: рейсов */
                                        trips: number;
                                        /** @description Перемещено и принято объектом приёма: объём, м³ (точное десятичное) */
                                        volume: string;
                                        /** @description Перемещено и принято объектом приёма: масса, т (точное десятичное) */
                                        mass: string;
                                    } & {
                                        /** @description Из них принято с массой по весам объекта приёма (масса — по весам; у остальных — заявленная) */
                                        weighedTrips: number;
                                    };
                                    awaiting: {
                                        /** @description Ожидают решения объекта приёма (в перемещённые не входят; масса заявленная): рейсов */
                                        trips: number;
                                        /** @description Ожидают решения объекта приёма (в перемещённые не входят; масса заявленная): объём, м³ (точное десятичное) */
                                        volume: string;
                                        /** @description Ожидают решения объекта приёма (в перемещённые не входят; масса заявленная): масса, т (точное десятичное) */
                                        mass: string;
                                    };
                                    rejected: {
                                        /** @description Отклонены объектом приёма (не перемещены и не приняты; масса заявленная): рейсов */
                                        trips: number;
                                        /** @description Отклонены объектом приёма (не перемещены и не приняты; масса заявленная): объём, м³ (точное десятичное) */
                                        volume: string;
                                        /** @description Отклонены объектом приёма (не перемещены и не приняты; масса заявленная): масса, т (точное десятичное) */
                                        mass: string;
                                    };
                                };
                                /** @description Рейсы периода, ещё не сформированные */
                                pendingTrips: number;
                                /**
                                 * Format: date-time
                                 * @description Когда сформируется первый из несформированных рейсов
                                 */
                                pendingFormedFrom: string | null;
                                /**
                                 * Format: date-time
                                 * @description Когда сформируется последний из несформированных рейсов
                                 */
                                pendingFormedUntil: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/permits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Разрешения на перемещение ОСС, доступные организации */
        get: {
            parameters: {
                query?: {
                    /** @description Идентификатор (UUID) */
                    siteId?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                siteId: string;
                                siteName: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string;
                                status: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/permits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Разрешение: виды отходов и использование разрешённых объёмов, перевозчики, объекты приёма */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            siteId: string;
                            siteName: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            validFrom: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            validTo: string;
                            status: string;
                        } & {
                            wasteTypes: {
                                code: string;
                                name: string;
                                hazardClass: number;
                                permittedVolume: string;
                                /** @description Перемещено: объём грузов, принятых объектами приёма, м³ — по рейсам, которые видит организация (перевозчик — только по своим) */
                                movedVolume: string;
                                /** @description Ожидают решения объекта приёма, м³ (в перемещённые не входят) */
                                awaitingVolume: string;
                                /** @description Отклонены объектами приёма, м³ (не перемещены) */
                                rejectedVolume: string;
                                movedTrips: number;
                                awaitingTrips: number;
                                rejectedTrips: number;
                                /** @description Перемещённый (принятый) объём больше разрешённого — по всем рейсам разрешения */
                                overLimit: boolean;
                            }[];
                            carriers: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            }[];
                            facilities: ({
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            } & {
                                address: string | null;
                            })[];
                            /** @description Объекты приёма и перевозчики разрешения, доступ которых приостановлен оператором (1386-ПП п. 7.2) */
                            suspended: {
                                kind: "facility" | "carrier";
                                name: string;
                                reason: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/permits/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Версии разрешения: первая и внесённые изменения, с условиями каждой и подписанным PDF */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            currentVersion: number;
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                version: number;
                                current: boolean;
                                /**
                                 * Format: date-time
                                 * @description С этого момента действует версия (null — с начала действия разрешения)
                                 */
                                inForceFrom: string | null;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string;
                                /** Format: date-time */
                                issuedAt: string;
                                issuedBy: string | null;
                                application: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    number: string;
                                    kind: string;
                                } | null;
                                changes: {
                                    field: string;
                                    before: string;
                                    after: string;
                                }[];
                                lines: {
                                    code: string;
                                    name: string;
                                    volume: string;
                                    mass: string | null;
                                    facilities: string[];
                                }[];
                                carriers: {
                                    name: string;
                                    inn: string;
                                }[];
                                pdf: {
                                    url: string;
                                    signatureUrl: string;
                                    bytes: number;
                                    sha256: string;
                                    /** Format: date-time */
                                    signedAt: string;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/permits/{id}/versions/{versionId}/files/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PDF версии разрешения, подписанный информационным оператором, или его подпись (.sig, CMS DER) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    /** @description Идентификатор (UUID) */
                    versionId: string;
                    kind: "pdf" | "pdf.sig";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Рейсы (фильтр по объекту, разрешению, ТС, периоду; страницы по курсору)
         * @description Новые сверху (по времени выгрузки). Следующая страница — с after = nextCursor. total — точное число, когда его дают итоги (объект, разрешение, объект приёма, период, приёмка), иначе «более 1000» или оценка (exact = false).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Идентификатор (UUID) */
                    siteId?: string;
                    /** @description Идентификатор (UUID) */
                    permitId?: string;
                    /** @description Идентификатор (UUID) */
                    vehicleId?: string;
                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                    from?: string;
                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                    to?: string;
                    formed?: boolean;
                    receiptStatus?: "pending" | "confirmed" | "rejected";
                    /** @description Курсор: nextCursor предыдущей страницы; без него — первая страница */
                    after?: string;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                permitId: string;
                                permitNumber: string;
                                /** @description Версия разрешения, по которой рейс проверен при записи (действовавшая в момент погрузки); null — рейс записан без такой проверки */
                                permitVersion: number | null;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                siteId: string;
                                siteName: string;
                                plate: string;
                                carrierName: string;
                                facilityName: string;
                                wasteCode: string;
                                wasteName: string;
                                /** Format: date-time */
                                loadedAt: string;
                                /** Format: date-time */
                                unloadedAt: string;
                                volume: string;
                                mass: string;
                                receiptStatus: string;
                                receivedMass: string | null;
                                receiptReason: string | null;
                                /** Format: date-time */
                                receivedAt: string | null;
                                /** @description Рейс сформирован (прошло 27 часов после завершения) */
                                formed: boolean;
                                /** Format: date-time */
                                formedAt: string;
                            }[];
                            /** @description Курсор следующей страницы; null — страница последняя */
                            nextCursor: string | null;
                            /** @description Сколько всего строк по условиям */
                            total: {
                                value: number;
                                /** @description true — точное число; false — оценка («≈ value») или нижняя граница («более value»), см. bound */
                                exact: boolean;
                                /** @description true — строк больше, чем value (счёт остановлен на value) */
                                bound?: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Записать пакет рейсов (до 10 000), с ключом идемпотентности
         * @description Каждый рейс проверяется по версии разрешения, действовавшей в момент погрузки: разрешение выдано и не аннулировано к этому моменту, дата погрузки (по московскому времени) в сроке действия, перевозчик, вид отходов и объект приёма для него указаны в этой версии; ТС числится за перевозчиком, госномер верен, объём и масса положительны, время выгрузки позже погрузки. Ответ перечисляет по каждому рейсу, принят он или нет и почему. Повтор с тем же Idempotency-Key возвращает тот же ответ.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        trips: {
                            externalId?: string | number | (never | null);
                            permitNumber?: string | number | (never | null);
                            plate?: string | number | (never | null);
                            wasteCode?: string | number | (never | null);
                            facilityInn?: string | number | (never | null);
                            loadedAt?: string | number | (never | null);
                            unloadedAt?: string | number | (never | null);
                            volume?: string | number | (never | null);
                            mass?: string | number | (never | null);
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: number;
                            rejected: number;
                            duplicates: number;
                            results: {
                                index: number;
                                status: "accepted" | "rejected" | "duplicate";
                                id?: number;
                                errors?: {
                                    field: string;
                                    message: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/fkko": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Каталог ФККО: виды отходов строительства и сноса */
        get: {
            parameters: {
                query?: {
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                                hazardClass: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vehicles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Транспортные средства перевозчика (реестр)
         * @description Страницы по госномеру: nextCursor передайте в after. q ищет по госномеру, марке, модели, терминалу. archived=true — снятые с учёта.
         */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    after?: string;
                    limit?: number;
                    archived?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                plate: string;
                                make: string | null;
                                model: string | null;
                                /** @description Объём кузова, м³ */
                                capacityM3: string | null;
                                /** @description Грузоподъёмность, т */
                                loadCapacityT: string | null;
                                /** @description Номер терминала ГЛОНАСС/GPS */
                                terminalNumber: string | null;
                                /**
                                 * @description Основание владения: собственность или аренда (лизинг)
                                 * @enum {string}
                                 */
                                ownership: "owned" | "leased";
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                leaseUntil: string | null;
                                archived: boolean;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                carrierId: string;
                                carrierName: string;
                                carrierInn: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Внести транспортное средство в реестр
         * @description Госномер принадлежит одному перевозчику: номер, числящийся за другим, не принимается (409 plate_taken). Номер, снятый с учёта прежним перевозчиком, переходит к вам — это записывается как передача ТС. Принимает Idempotency-Key.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        plate?: string | null;
                        make?: string | null;
                        model?: string | null;
                        capacityM3?: string | null;
                        loadCapacityT?: string | null;
                        terminalNumber?: string | null;
                        /**
                         * @description Основание владения: собственность или аренда (лизинг)
                         * @enum {string|null}
                         */
                        ownership?: "owned" | "leased" | null;
                        leaseDocument?: string | null;
                        leaseUntil?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            version: number;
                            outcome: "created" | "restored" | "transferred";
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vehicles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Карточка транспортного средства */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            plate: string;
                            make: string | null;
                            model: string | null;
                            capacityM3: string | null;
                            loadCapacityT: string | null;
                            terminalNumber: string | null;
                            /**
                             * @description Основание владения: собственность или аренда (лизинг)
                             * @enum {string}
                             */
                            ownership: "owned" | "leased";
                            leaseDocument: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            leaseUntil: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            archivedAt: string | null;
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            carrierId: string;
                            carrierName: string;
                            carrierInn: string;
                            editable: boolean;
                            transfers: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                /** Format: date-time */
                                at: string;
                                fromCarrier: string;
                                toCarrier: string;
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Изменить сведения о транспортном средстве
         * @description Госномер не меняется. version — версия, на которой сделано изменение (иначе 409 register_version_conflict).
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Версия записи, на которой сделано изменение (оптимистическая блокировка) */
                        version: number;
                        make?: string | null;
                        model?: string | null;
                        capacityM3?: string | null;
                        loadCapacityT?: string | null;
                        terminalNumber?: string | null;
                        /**
                         * @description Основание владения: собственность или аренда (лизинг)
                         * @enum {string|null}
                         */
                        ownership?: "owned" | "leased" | null;
                        leaseDocument?: string | null;
                        leaseUntil?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            version: number;
                            changed: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/vehicles/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Снять транспортное средство с учёта (госномер освобождается для другого перевозчика) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Версия записи, на которой сделано изменение (оптимистическая блокировка) */
                        version: number;
                        reason?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vehicles/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** История изменений транспортного средства */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** Format: date-time */
                                at: string;
                                /** @enum {string} */
                                action: "created" | "updated" | "archived" | "restored" | "suspended" | "reactivated" | "transferred";
                                version: number;
                                personName: string | null;
                                organizationName: string | null;
                                reason: string | null;
                                changes: {
                                    field: string;
                                    before: unknown;
                                    after: unknown;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/vehicles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Реестр транспортных средств (все перевозчики)
         * @description Страницы по госномеру: nextCursor передайте в after. q — госномер, марка, модель, терминал, наименование или ИНН перевозчика.
         */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    after?: string;
                    limit?: number;
                    archived?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                plate: string;
                                make: string | null;
                                model: string | null;
                                /** @description Объём кузова, м³ */
                                capacityM3: string | null;
                                /** @description Грузоподъёмность, т */
                                loadCapacityT: string | null;
                                /** @description Номер терминала ГЛОНАСС/GPS */
                                terminalNumber: string | null;
                                /**
                                 * @description Основание владения: собственность или аренда (лизинг)
                                 * @enum {string}
                                 */
                                ownership: "owned" | "leased";
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                leaseUntil: string | null;
                                archived: boolean;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                carrierId: string;
                                carrierName: string;
                                carrierInn: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/vehicles/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Передать транспортное средство другому перевозчику (действие оператора, с причиной) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        toInn: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            version: number;
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            toCarrierId: string;
                            toCarrierName: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Объекты приёма организации (реестр)
         * @description Страницы по наименованию: nextCursor передайте в after. q ищет по наименованию, адресу, номеру в реестре и коду ФККО.
         */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    after?: string;
                    limit?: number;
                    /** @description active — действует, suspended — доступ приостановлен оператором */
                    status?: "active" | "suspended";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                /** @description Номер в реестре, «ОП-000001» */
                                number: string;
                                name: string;
                                address: string;
                                /**
                                 * @description Вид деятельности: переработка, утилизация, обезвреживание, размещение
                                 * @enum {string}
                                 */
                                kind: "processing" | "utilization" | "neutralization" | "disposal";
                                /** @description Мощность, т в сутки */
                                dailyCapacityT: string | null;
                                /** @description Мощность, м³ в сутки */
                                dailyCapacityM3: string | null;
                                workingHours: string | null;
                                licenceNumber: string | null;
                                /** @description Принимаемые коды ФККО (11 цифр) */
                                wasteCodes: string[];
                                /**
                                 * @description active — действует, suspended — доступ приостановлен оператором
                                 * @enum {string}
                                 */
                                status: "active" | "suspended";
                                statusReason: string | null;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                organizationId: string;
                                organizationName: string;
                                organizationInn: string;
                                /** @description Доступ организации-владельца приостановлен */
                                organizationSuspended: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Внести объект приёма в реестр
         * @description Коды ФККО проверяются по каталогу. Лицензия (номер и дата выдачи) обязательна, если объект принимает отходы I–IV класса опасности. Нужна мощность в тоннах или м³ в сутки. Принимает Idempotency-Key.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string | null;
                        address?: string | null;
                        /**
                         * @description Вид деятельности: переработка, утилизация, обезвреживание, размещение
                         * @enum {string|null}
                         */
                        kind?: "processing" | "utilization" | "neutralization" | "disposal" | null;
                        /** @description Принимаемые коды ФККО из каталога, например «8 22 201 01 21 5» */
                        wasteCodes?: string[];
                        dailyCapacityT?: string | null;
                        dailyCapacityM3?: string | null;
                        workingHours?: string | null;
                        licenceNumber?: string | null;
                        licenceIssuedOn?: string | null;
                        licenceValidUntil?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Карточка объекта приёма */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            name: string;
                            address: string;
                            /**
                             * @description Вид деятельности: переработка, утилизация, обезвреживание, размещение
                             * @enum {string}
                             */
                            kind: "processing" | "utilization" | "neutralization" | "disposal";
                            dailyCapacityT: string | null;
                            dailyCapacityM3: string | null;
                            workingHours: string | null;
                            licenceNumber: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            licenceIssuedOn: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            licenceValidUntil: string | null;
                            /**
                             * @description active — действует, suspended — доступ приостановлен оператором
                             * @enum {string}
                             */
                            status: "active" | "suspended";
                            statusReason: string | null;
                            /** Format: date-time */
                            statusChangedAt: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            archivedAt: string | null;
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            organizationId: string;
                            organizationName: string;
                            organizationInn: string;
                            /**
                             * @description active — действует, suspended — доступ приостановлен оператором
                             * @enum {string}
                             */
                            organizationStatus: "active" | "suspended";
                            organizationStatusReason: string | null;
                            wasteTypes: {
                                code: string;
                                name: string;
                            }[];
                            /** @description Действующие разрешения, в которых указан объект */
                            permits: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string;
                                status: string;
                            }[];
                            /** @description Может ли пользователь изменять сведения об объекте */
                            editable: boolean;
                            /** @description Может ли пользователь (оператор) приостановить или восстановить доступ объекта */
                            canSuspend: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Изменить сведения об объекте приёма
         * @description version — версия, на которой сделано изменение (иначе 409 register_version_conflict). Не указанные поля не меняются.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Версия записи, на которой сделано изменение (оптимистическая блокировка) */
                        version: number;
                        name?: string | null;
                        address?: string | null;
                        /**
                         * @description Вид деятельности: переработка, утилизация, обезвреживание, размещение
                         * @enum {string|null}
                         */
                        kind?: "processing" | "utilization" | "neutralization" | "disposal" | null;
                        /** @description Принимаемые коды ФККО из каталога, например «8 22 201 01 21 5» */
                        wasteCodes?: string[];
                        dailyCapacityT?: string | null;
                        dailyCapacityM3?: string | null;
                        workingHours?: string | null;
                        licenceNumber?: string | null;
                        licenceIssuedOn?: string | null;
                        licenceValidUntil?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            version: number;
                            changed: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/facilities/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** История изменений объекта приёма */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** Format: date-time */
                                at: string;
                                /** @enum {string} */
                                action: "created" | "updated" | "archived" | "restored" | "suspended" | "reactivated" | "transferred";
                                version: number;
                                personName: string | null;
                                organizationName: string | null;
                                reason: string | null;
                                changes: {
                                    field: string;
                                    before: unknown;
                                    after: unknown;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/facilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Реестр объектов приёма (все организации)
         * @description Страницы по наименованию: nextCursor передайте в after. q — наименование, адрес, номер, код ФККО, наименование или ИНН организации.
         */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    after?: string;
                    limit?: number;
                    /** @description active — действует, suspended — доступ приостановлен оператором */
                    status?: "active" | "suspended";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                /** @description Номер в реестре, «ОП-000001» */
                                number: string;
                                name: string;
                                address: string;
                                /**
                                 * @description Вид деятельности: переработка, утилизация, обезвреживание, размещение
                                 * @enum {string}
                                 */
                                kind: "processing" | "utilization" | "neutralization" | "disposal";
                                /** @description Мощность, т в сутки */
                                dailyCapacityT: string | null;
                                /** @description Мощность, м³ в сутки */
                                dailyCapacityM3: string | null;
                                workingHours: string | null;
                                licenceNumber: string | null;
                                /** @description Принимаемые коды ФККО (11 цифр) */
                                wasteCodes: string[];
                                /**
                                 * @description active — действует, suspended — доступ приостановлен оператором
                                 * @enum {string}
                                 */
                                status: "active" | "suspended";
                                statusReason: string | null;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                organizationId: string;
                                organizationName: string;
                                organizationInn: string;
                                /** @description Доступ организации-владельца приостановлен */
                                organizationSuspended: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/facilities/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Приостановить доступ объекта приёма (действие оператора, с причиной): новые рейсы на него не принимаются */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            version: number;
                            /**
                             * @description active — действует, suspended — доступ приостановлен оператором
                             * @enum {string}
                             */
                            status: "active" | "suspended";
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/facilities/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Восстановить доступ объекта приёма (действие оператора, с причиной) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            version: number;
                            /**
                             * @description active — действует, suspended — доступ приостановлен оператором
                             * @enum {string}
                             */
                            status: "active" | "suspended";
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Реестр организаций
         * @description Страницы по наименованию: nextCursor передайте в after. q — наименование, ИНН или ОГРН.
         */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    after?: string;
                    limit?: number;
                    /** @description Роль организации */
                    role?: "producer" | "carrier" | "facility" | "operator" | "managing";
                    /** @description active — действует, suspended — доступ приостановлен оператором */
                    status?: "active" | "suspended";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                shortName: string | null;
                                inn: string;
                                ogrn: string | null;
                                kind: "legal" | "individual";
                                roles: ("producer" | "carrier" | "facility" | "operator" | "managing")[];
                                /**
                                 * @description active — действует, suspended — доступ приостановлен оператором
                                 * @enum {string}
                                 */
                                status: "active" | "suspended";
                                statusReason: string | null;
                                /** Format: date-time */
                                statusChangedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Карточка организации */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            name: string;
                            shortName: string | null;
                            inn: string;
                            ogrn: string | null;
                            kind: "legal" | "individual";
                            roles: ("producer" | "carrier" | "facility" | "operator" | "managing")[];
                            /**
                             * @description active — действует, suspended — доступ приостановлен оператором
                             * @enum {string}
                             */
                            status: "active" | "suspended";
                            statusReason: string | null;
                            /** Format: date-time */
                            statusChangedAt: string | null;
                            kpp: string | null;
                            address: string | null;
                            email: string | null;
                            phone: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Объекты образования ОСС на учёте */
                            sites: number;
                            /** @description Транспортные средства на учёте */
                            vehicles: number;
                            /** @description Объекты приёма */
                            facilities: number;
                            /** @description Участники (руководитель, сотрудники, доверенные лица) */
                            members: number;
                            canSuspend: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/organizations/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** История приостановлений и восстановлений доступа организации */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** Format: date-time */
                                at: string;
                                /** @enum {string} */
                                action: "created" | "updated" | "archived" | "restored" | "suspended" | "reactivated" | "transferred";
                                version: number;
                                personName: string | null;
                                organizationName: string | null;
                                reason: string | null;
                                changes: {
                                    field: string;
                                    before: unknown;
                                    after: unknown;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/organizations/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Приостановить доступ организации (с причиной): действовать от её имени нельзя, её объекты приёма не принимают новые рейсы */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            version: number;
                            /**
                             * @description active — действует, suspended — доступ приостановлен оператором
                             * @enum {string}
                             */
                            status: "active" | "suspended";
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/organizations/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Восстановить доступ организации (с причиной) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            version: number;
                            /**
                             * @description active — действует, suspended — доступ приостановлен оператором
                             * @enum {string}
                             */
                            status: "active" | "suspended";
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Реестр объектов образования ОСС (все отходопроизводители)
         * @description Страницы по наименованию: nextCursor передайте в after. q — наименование, адрес, кадастровый номер, наименование или ИНН отходопроизводителя.
         */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    after?: string;
                    limit?: number;
                    archived?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string;
                                cadastralNumbers: string[];
                                /** @enum {string} */
                                worksKind: "construction" | "reconstruction" | "demolition" | "capital_repair" | "networks" | "landscaping" | "other";
                                archived: boolean;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                producerId: string;
                                producerName: string;
                                producerInn: string;
                                producerSuspended: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Мои задачи в организации */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "done" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                kind: string;
                                title: string;
                                status: "open" | "done" | "cancelled";
                                payload: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                closedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Задача */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            kind: string;
                            title: string;
                            status: "open" | "done" | "cancelled";
                            payload: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            closedAt: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Подтвердить задачу (закрыть её) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            kind: string;
                            title: string;
                            status: "open" | "done" | "cancelled";
                            payload: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            closedAt: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Какие уведомления присылать по электронной почте */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Событие: statement.ready, upload.processed, application.status… */
                                event: string;
                                label: string;
                                /** @description Роли организаций, которых касается событие */
                                roles: string[];
                                /** @description Присылать ли письмо (уведомление в кабинете остаётся всегда) */
                                email: boolean;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Выбрать, какие уведомления присылать по электронной почте
         * @description Меняются только названные события. Выключенное событие не приходит письмом, но остаётся в уведомлениях кабинета.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        settings: {
                            event: "statement.ready" | "statement.failed" | "upload.processed" | "upload.refused" | "receipt.rejected" | "application.status" | "application.message" | "permit.expiring" | "permit.volume" | "report.due" | "report.returned" | "invoice.overdue";
                            email: boolean;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Событие: statement.ready, upload.processed, application.status… */
                                event: string;
                                label: string;
                                /** @description Роли организаций, которых касается событие */
                                roles: string[];
                                /** @description Присылать ли письмо (уведомление в кабинете остаётся всегда) */
                                email: boolean;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Уведомления */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                title: string;
                                body: string;
                                link: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                read: boolean;
                            }[];
                            unread: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Отметить уведомление прочитанным */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Шаблон XLSX для загрузки рейсов (со списками ваших разрешений, ТС, кодов ФККО и объектов приёма) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Журнал загрузок: дата, файл, строк в файле, принято, отклонено, статус */
        get: {
            parameters: {
                query?: {
                    /** @description Курсор: nextCursor предыдущей страницы; без него — первая страница */
                    after?: string;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                fileName: string;
                                fileType: "xlsx" | "csv";
                                sizeBytes: number;
                                /** @description queued — в очереди, processing — обрабатывается, done — обработан, refused — файл не принят, failed — ошибка обработки */
                                status: "queued" | "processing" | "done" | "refused" | "failed";
                                statusText: string;
                                /** @description Строк данных в файле */
                                totalRows: number | null;
                                processedRows: number;
                                progress: number;
                                accepted: number;
                                /** @description Отклонено, включая повторы */
                                rejected: number;
                                /** @description Из отклонённых — повторы уже записанных рейсов */
                                duplicates: number;
                                /** @description Причины, по которым файл не принят целиком */
                                problems: {
                                    field: string;
                                    message: string;
                                }[];
                                /** @description Замечания к файлу (например, лишние столбцы) */
                                notes: {
                                    field: string;
                                    message: string;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                finishedAt: string | null;
                                originalUrl: string;
                                /** @description Файл результатов (XLSX), когда готов */
                                resultUrl: string | null;
                            }[];
                            /** @description Курсор следующей страницы; null — страница последняя */
                            nextCursor: string | null;
                            /** @description Сколько всего строк по условиям */
                            total: {
                                value: number;
                                /** @description true — точное число; false — оценка («≈ value») или нижняя граница («более value»), см. bound */
                                exact: boolean;
                                /** @description true — строк больше, чем value (счёт остановлен на value) */
                                bound?: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Загрузить файл рейсов (XLSX или CSV, до 50 МБ; поле multipart «file»)
         * @description Файл сохраняется и ставится в очередь на обработку; ответ 202 приходит сразу. Ход обработки — GET /api/uploads/{id}; по готовности — файл результатов. Тот же файл повторно ничего не записывает (ответ 200 с прежней загрузкой). При перегрузке — 503 с Retry-After: повторите позже, файл не будет потерян, так как он не был принят. Форма: один файл в поле «file» и не более 10 других полей до 64 КБ (иначе 413); передача, остановившаяся дольше UPLOAD_IDLE_TIMEOUT_SECONDS (по умолчанию 30 с), обрывается с 408.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            fileName: string;
                            fileType: "xlsx" | "csv";
                            sizeBytes: number;
                            /** @description queued — в очереди, processing — обрабатывается, done — обработан, refused — файл не принят, failed — ошибка обработки */
                            status: "queued" | "processing" | "done" | "refused" | "failed";
                            statusText: string;
                            /** @description Строк данных в файле */
                            totalRows: number | null;
                            processedRows: number;
                            progress: number;
                            accepted: number;
                            /** @description Отклонено, включая повторы */
                            rejected: number;
                            /** @description Из отклонённых — повторы уже записанных рейсов */
                            duplicates: number;
                            /** @description Причины, по которым файл не принят целиком */
                            problems: {
                                field: string;
                                message: string;
                            }[];
                            /** @description Замечания к файлу (например, лишние столбцы) */
                            notes: {
                                field: string;
                                message: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            finishedAt: string | null;
                            originalUrl: string;
                            /** @description Файл результатов (XLSX), когда готов */
                            resultUrl: string | null;
                        } & {
                            /** @description Этот файл уже загружался: повторно ничего не записано */
                            repeated: boolean;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            fileName: string;
                            fileType: "xlsx" | "csv";
                            sizeBytes: number;
                            /** @description queued — в очереди, processing — обрабатывается, done — обработан, refused — файл не принят, failed — ошибка обработки */
                            status: "queued" | "processing" | "done" | "refused" | "failed";
                            statusText: string;
                            /** @description Строк данных в файле */
                            totalRows: number | null;
                            processedRows: number;
                            progress: number;
                            accepted: number;
                            /** @description Отклонено, включая повторы */
                            rejected: number;
                            /** @description Из отклонённых — повторы уже записанных рейсов */
                            duplicates: number;
                            /** @description Причины, по которым файл не принят целиком */
                            problems: {
                                field: string;
                                message: string;
                            }[];
                            /** @description Замечания к файлу (например, лишние столбцы) */
                            notes: {
                                field: string;
                                message: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            finishedAt: string | null;
                            originalUrl: string;
                            /** @description Файл результатов (XLSX), когда готов */
                            resultUrl: string | null;
                        } & {
                            /** @description Этот файл уже загружался: повторно ничего не записано */
                            repeated: boolean;
                            message: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Загрузка: статус, ход обработки, число принятых и отклонённых строк */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            fileName: string;
                            fileType: "xlsx" | "csv";
                            sizeBytes: number;
                            /** @description queued — в очереди, processing — обрабатывается, done — обработан, refused — файл не принят, failed — ошибка обработки */
                            status: "queued" | "processing" | "done" | "refused" | "failed";
                            statusText: string;
                            /** @description Строк данных в файле */
                            totalRows: number | null;
                            processedRows: number;
                            progress: number;
                            accepted: number;
                            /** @description Отклонено, включая повторы */
                            rejected: number;
                            /** @description Из отклонённых — повторы уже записанных рейсов */
                            duplicates: number;
                            /** @description Причины, по которым файл не принят целиком */
                            problems: {
                                field: string;
                                message: string;
                            }[];
                            /** @description Замечания к файлу (например, лишние столбцы) */
                            notes: {
                                field: string;
                                message: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            finishedAt: string | null;
                            originalUrl: string;
                            /** @description Файл результатов (XLSX), когда готов */
                            resultUrl: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads/{id}/original": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Скачать загруженный файл */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads/{id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Скачать файл результатов (XLSX: строки файла со статусом и причинами, итоги) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Профиль организации, от имени которой вы действуете */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            kind: string;
                            inn: string;
                            ogrn: string | null;
                            kpp: string | null;
                            name: string;
                            shortName: string | null;
                            address: string | null;
                            email: string | null;
                            phone: string | null;
                            roles: string[];
                            requireSecondFactor: boolean;
                            /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата, manual — заполнено вручную */
                            profileSource: string;
                            /** @description Откуда каждое из сведений, которые печатаются в документах */
                            fieldSources: {
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                name: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                shortName: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                inn: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                ogrn: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                kpp: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                address: "register" | "certificate" | "manual";
                            };
                            /** Format: date-time */
                            registerCheckedAt: string | null;
                            /** Format: date-time */
                            detailsChangedAt: string | null;
                            /** @description Последние изменения сведений об организации */
                            history: {
                                /** Format: date-time */
                                at: string;
                                action: string;
                                by: string | null;
                                /** @description введено вручную, ЕГРЮЛ (…) */
                                source: string | null;
                                changes: {
                                    field: string;
                                    before: string | null;
                                    after: string | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Заполнить профиль организации вручную (когда реестр не ответил) или дополнить его
         * @description Изменение проверяется (без управляющих и невидимых символов, разумной длины), записывается в журнал аудита и историю изменений, а в профиле и в документах, заказанных после него, отмечается как введённое вручную. Уже заказанные документы печатают сведения на момент заказа.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        shortName?: string | null;
                        kpp?: string | null;
                        address?: string | null;
                        email?: string | null;
                        /** @description Российский номер; сохраняется как +7XXXXXXXXXX */
                        phone?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            kind: string;
                            inn: string;
                            ogrn: string | null;
                            kpp: string | null;
                            name: string;
                            shortName: string | null;
                            address: string | null;
                            email: string | null;
                            phone: string | null;
                            roles: string[];
                            requireSecondFactor: boolean;
                            /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата, manual — заполнено вручную */
                            profileSource: string;
                            /** @description Откуда каждое из сведений, которые печатаются в документах */
                            fieldSources: {
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                name: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                shortName: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                inn: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                ogrn: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                kpp: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                address: "register" | "certificate" | "manual";
                            };
                            /** Format: date-time */
                            registerCheckedAt: string | null;
                            /** Format: date-time */
                            detailsChangedAt: string | null;
                            /** @description Последние изменения сведений об организации */
                            history: {
                                /** Format: date-time */
                                at: string;
                                action: string;
                                by: string | null;
                                /** @description введено вручную, ЕГРЮЛ (…) */
                                source: string | null;
                                changes: {
                                    field: string;
                                    before: string | null;
                                    after: string | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/organization/register-lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Заполнить профиль из ЕГРЮЛ/ЕГРИП ещё раз */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            found: boolean;
                            reason?: string;
                            profile: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                kind: string;
                                inn: string;
                                ogrn: string | null;
                                kpp: string | null;
                                name: string;
                                shortName: string | null;
                                address: string | null;
                                email: string | null;
                                phone: string | null;
                                roles: string[];
                                requireSecondFactor: boolean;
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата, manual — заполнено вручную */
                                profileSource: string;
                                /** @description Откуда каждое из сведений, которые печатаются в документах */
                                fieldSources: {
                                    /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                    name: "register" | "certificate" | "manual";
                                    /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                    shortName: "register" | "certificate" | "manual";
                                    /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                    inn: "register" | "certificate" | "manual";
                                    /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                    ogrn: "register" | "certificate" | "manual";
                                    /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                    kpp: "register" | "certificate" | "manual";
                                    /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                    address: "register" | "certificate" | "manual";
                                };
                                /** Format: date-time */
                                registerCheckedAt: string | null;
                                /** Format: date-time */
                                detailsChangedAt: string | null;
                                /** @description Последние изменения сведений об организации */
                                history: {
                                    /** Format: date-time */
                                    at: string;
                                    action: string;
                                    by: string | null;
                                    /** @description введено вручную, ЕГРЮЛ (…) */
                                    source: string | null;
                                    changes: {
                                        field: string;
                                        before: string | null;
                                        after: string | null;
                                    }[];
                                }[];
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organization/security": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Требовать второй фактор от всех, кто действует от имени организации */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        requireSecondFactor: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            kind: string;
                            inn: string;
                            ogrn: string | null;
                            kpp: string | null;
                            name: string;
                            shortName: string | null;
                            address: string | null;
                            email: string | null;
                            phone: string | null;
                            roles: string[];
                            requireSecondFactor: boolean;
                            /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата, manual — заполнено вручную */
                            profileSource: string;
                            /** @description Откуда каждое из сведений, которые печатаются в документах */
                            fieldSources: {
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                name: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                shortName: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                inn: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                ogrn: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                kpp: "register" | "certificate" | "manual";
                                /** @description register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную */
                                address: "register" | "certificate" | "manual";
                            };
                            /** Format: date-time */
                            registerCheckedAt: string | null;
                            /** Format: date-time */
                            detailsChangedAt: string | null;
                            /** @description Последние изменения сведений об организации */
                            history: {
                                /** Format: date-time */
                                at: string;
                                action: string;
                                by: string | null;
                                /** @description введено вручную, ЕГРЮЛ (…) */
                                source: string | null;
                                changes: {
                                    field: string;
                                    before: string | null;
                                    after: string | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organization/trusted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Доверенные лица и приглашения */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                snils: string;
                                fullName: string | null;
                                access: string;
                                /** Format: date-time */
                                validUntil: string;
                                /** Format: date-time */
                                createdAt: string;
                                status: "invited" | "active" | "expired" | "removed";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Пригласить доверенное лицо по СНИЛС на срок со стандартным или полным доступом
         * @description Стандартный доступ: заполнять и сохранять черновики, смотреть статусы. Полный: также подавать документы от имени организации. Приглашать может только руководитель.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        snils: string;
                        access: "standard" | "full";
                        /** @description Дата ГГГГ-ММ-ДД (включительно, МСК) или момент ISO 8601 */
                        validUntil: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Есть ли в системе пользователь с этим СНИЛС (если нет — приглашение дождётся его регистрации) */
                            registered: boolean;
                            /** @description Приглашённому отправлено письмо */
                            emailed: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organization/trusted/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Удалить доверенное лицо (или отозвать приглашение) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Приглашения стать доверенным лицом, адресованные мне (по СНИЛС) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                organization: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                };
                                invitedBy: string;
                                access: string;
                                /** Format: date-time */
                                validUntil: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Принять приглашение: организация появится в «Сменить профиль» */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            organizationId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/services/statement/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Госуслуга «Формирование сведений о результатах перемещения ОСС»: создать задачу в «Моих задачах»
         * @description Если у пользователя уже есть открытая задача формирования сведений, возвращается она.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            kind: string;
                            title: string;
                            status: "open" | "done" | "cancelled";
                            payload: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            closedAt: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Заказать сведения о результатах перемещения ОСС
         * @description Сведения формируются в фоне по объекту, периоду (даты включительно, время московское) и выбранным разрешениям. В них входят рейсы, сформированные к моменту заказа; рейсы, записанные позже, документ не меняют. Принимает Idempotency-Key.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Идентификатор (UUID)
                         */
                        siteId: string;
                        /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                        from: string;
                        /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                        to: string;
                        permitIds: string[];
                        /**
                         * Format: uuid
                         * @description Идентификатор (UUID)
                         */
                        taskId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            /** @enum {string} */
                            status: "queued";
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Сведения: состояние формирования и файлы */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Номер сведений, например СП-2026-000001 */
                            number: string;
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            siteId: string;
                            siteName: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            from: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            to: string;
                            permits: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                            }[];
                            status: "queued" | "running" | "ready" | "failed";
                            progress: number;
                            /** @description Причина, если формирование не удалось */
                            error: string | null;
                            attempts: number;
                            /** Format: date-time */
                            orderedAt: string;
                            orderedBy: string;
                            /**
                             * Format: date-time
                             * @description В сведения вошли рейсы, завершённые не позже этого момента
                             */
                            formationCutoff: string;
                            /** Format: date-time */
                            readyAt: string | null;
                            tripCount: number | null;
                            files: {
                                kind: "pdf" | "xlsx" | "pdf.sig" | "xlsx.sig";
                                url: string;
                                fileName: string;
                                bytes: number;
                            }[] | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sites/{id}/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Сведения о результатах перемещения ОСС по объекту */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                /** @description Номер сведений, например СП-2026-000001 */
                                number: string;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                siteId: string;
                                siteName: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                from: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                to: string;
                                permits: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    number: string;
                                }[];
                                status: "queued" | "running" | "ready" | "failed";
                                progress: number;
                                /** @description Причина, если формирование не удалось */
                                error: string | null;
                                attempts: number;
                                /** Format: date-time */
                                orderedAt: string;
                                orderedBy: string;
                                /**
                                 * Format: date-time
                                 * @description В сведения вошли рейсы, завершённые не позже этого момента
                                 */
                                formationCutoff: string;
                                /** Format: date-time */
                                readyAt: string | null;
                                tripCount: number | null;
                                files: {
                                    kind: "pdf" | "xlsx" | "pdf.sig" | "xlsx.sig";
                                    url: string;
                                    fileName: string;
                                    bytes: number;
                                }[] | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statements/{id}/files/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Файл сведений: PDF, XLSX или их подписи (.sig, CMS DER) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    kind: "pdf" | "xlsx" | "pdf.sig" | "xlsx.sig";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Файл */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Запись реестра выданных документов по коду проверки (без входа в систему)
         * @description Что указано в документе, итоги, хэши файлов, сертификат подписанта, действителен ли документ или аннулирован (когда и почему).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Код проверки с документа, например 7KQ2M-9XW4T-HB3RZ */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            kind: string;
                            kindName: string;
                            number: string;
                            /** @description Дата документа, ДД.ММ.ГГГГ */
                            date: string;
                            /** Format: date-time */
                            issuedAt: string;
                            period: {
                                from: string;
                                to: string;
                                text: string;
                            } | null;
                            status: "valid" | "annulled";
                            statusText: string;
                            /** Format: date-time */
                            annulledAt: string | null;
                            annulReason: string | null;
                            facts: {
                                label: string;
                                value: string;
                            }[];
                            totals: {
                                label: string;
                                value: string;
                            }[];
                            files: {
                                kind: string;
                                bytes: number;
                                sha256: string;
                                streebog: string;
                                signatureSha256: string;
                            }[];
                            signer: {
                                owner: string | null;
                                organization: string | null;
                                innLe: string | null;
                                ogrn: string | null;
                                serialNumber: string | null;
                                issuer: string | null;
                                validFrom: string | null;
                                validTo: string | null;
                                fingerprint: string | null;
                                algorithm: string | null;
                            } | null;
                            /** Format: date-time */
                            signedAt: string | null;
                            /** Format: date-time */
                            timestampedAt: string | null;
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{code}/annul": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Аннулировать выданный документ (информационный оператор), с причиной */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Код проверки с документа, например 7KQ2M-9XW4T-HB3RZ */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Причина аннулирования (от 5 до 1000 символов) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            kind: string;
                            kindName: string;
                            number: string;
                            /** @description Дата документа, ДД.ММ.ГГГГ */
                            date: string;
                            /** Format: date-time */
                            issuedAt: string;
                            period: {
                                from: string;
                                to: string;
                                text: string;
                            } | null;
                            status: "valid" | "annulled";
                            statusText: string;
                            /** Format: date-time */
                            annulledAt: string | null;
                            annulReason: string | null;
                            facts: {
                                label: string;
                                value: string;
                            }[];
                            totals: {
                                label: string;
                                value: string;
                            }[];
                            files: {
                                kind: string;
                                bytes: number;
                                sha256: string;
                                streebog: string;
                                signatureSha256: string;
                            }[];
                            signer: {
                                owner: string | null;
                                organization: string | null;
                                innLe: string | null;
                                ogrn: string | null;
                                serialNumber: string | null;
                                issuer: string | null;
                                validFrom: string | null;
                                validTo: string | null;
                                fingerprint: string | null;
                                algorithm: string | null;
                            } | null;
                            /** Format: date-time */
                            signedAt: string | null;
                            /** Format: date-time */
                            timestampedAt: string | null;
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/support": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Контакты службы поддержки информационного оператора (печатаются на документах) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            phone: string | null;
                            email: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/signatures/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Проверить электронную подпись файла (без входа в систему)
         * @description multipart/form-data: `file` — документ, `signature` — его отсоединённая подпись (.sig, CMS DER или PEM). Для документа, выданного системой, ответ называет его запись в реестре (код проверки) и говорит, не аннулирован ли он.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            valid: boolean;
                            /** @description Почему подпись недействительна */
                            reason?: string;
                            code?: string;
                            signer: {
                                commonName: string | null;
                                organization: string | null;
                                innLe: string | null;
                                inn: string | null;
                                ogrn: string | null;
                                serialNumber: string;
                                /** Format: date-time */
                                validFrom: string;
                                /** Format: date-time */
                                validTo: string;
                                issuer: string;
                                /** @description Сертификат информационного оператора ОССиГ */
                                isOperator: boolean;
                            } | null;
                            /** Format: date-time */
                            signedAt: string | null;
                            /** @description Метка времени RFC 3161 (CAdES-T), если подпись её содержит */
                            timestamp: {
                                /** Format: date-time */
                                at: string;
                                valid: boolean;
                            } | null;
                            /** @description Запись реестра выданных документов, если файл — документ, выданный системой */
                            document: {
                                /** Format: uuid */
                                statementId: string | null;
                                number: string;
                                /** @description Какой это файл документа: pdf, xlsx */
                                kind: string;
                                /** @description Вид документа: statement, permit, … */
                                documentKind: string;
                                /** @description Код проверки, напечатанный на документе */
                                code: string;
                                status: "valid" | "annulled";
                                /** Format: date-time */
                                annulledAt: string | null;
                                annulReason: string | null;
                                /** @description Страница записи реестра */
                                url: string;
                            } | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/signatures/certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Сертификат электронной подписи информационного оператора (PEM) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Рейсы, доставленные на объект приёма (фильтр по статусу и периоду выгрузки; постранично) */
        get: {
            parameters: {
                query?: {
                    /** @description pending — ожидает приёма, confirmed — принят, rejected — отклонён */
                    status?: "pending" | "confirmed" | "rejected";
                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                    from?: string;
                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                    to?: string;
                    /** @description Курсор: nextCursor предыдущей страницы; без него — первая страница */
                    after?: string;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                permitNumber: string;
                                siteName: string;
                                plate: string;
                                carrierName: string;
                                wasteCode: string;
                                wasteName: string;
                                /** Format: date-time */
                                loadedAt: string;
                                /** Format: date-time */
                                unloadedAt: string;
                                volume: string;
                                /** @description Масса по данным перевозчика, т */
                                mass: string;
                                /** @description pending — ожидает приёма, confirmed — принят, rejected — отклонён */
                                receiptStatus: "pending" | "confirmed" | "rejected";
                                receiptStatusText: string;
                                /** @description Масса по весам объекта, т */
                                receivedMass: string | null;
                                receiptReason: string | null;
                                /** Format: date-time */
                                receivedAt: string | null;
                            }[];
                            /** @description Курсор следующей страницы; null — страница последняя */
                            nextCursor: string | null;
                            /** @description Сколько всего строк по условиям */
                            total: {
                                value: number;
                                /** @description true — точное число; false — оценка («≈ value») или нижняя граница («более value»), см. bound */
                                exact: boolean;
                                /** @description true — строк больше, чем value (счёт остановлен на value) */
                                bound?: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receipts/{tripId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Подтвердить приём рейса с массой по весам */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Номер рейса */
                    tripId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Масса по весам, т (до 0,001) */
                        mass: string | number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tripId: number;
                            /** @description pending — ожидает приёма, confirmed — принят, rejected — отклонён */
                            receiptStatus: "pending" | "confirmed" | "rejected";
                            receivedMass: string | null;
                            receiptReason: string | null;
                            /** Format: date-time */
                            receivedAt: string | null;
                            /** @description Такое же решение уже было принято: ничего не изменилось */
                            unchanged: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receipts/{tripId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Отклонить рейс с указанием причины */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Номер рейса */
                    tripId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Причина отказа */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tripId: number;
                            /** @description pending — ожидает приёма, confirmed — принят, rejected — отклонён */
                            receiptStatus: "pending" | "confirmed" | "rejected";
                            receivedMass: string | null;
                            receiptReason: string | null;
                            /** Format: date-time */
                            receivedAt: string | null;
                            /** @description Такое же решение уже было принято: ничего не изменилось */
                            unchanged: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receipts/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Решения о приёме из файла (XLSX или CSV: «Номер рейса», «Решение», «Масса, т», «Причина»)
         * @description Обрабатывается сразу (до 10 000 строк). Ответ перечисляет по каждой строке, применено ли решение и почему нет. Форма и ограничения — как у POST /api/uploads (413, 408, при перегрузке 503 с Retry-After).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: number;
                            applied: number;
                            unchanged: number;
                            errors: number;
                            results: {
                                row: number;
                                tripId: number | null;
                                outcome: "confirmed" | "rejected" | "unchanged" | "error";
                                errors: {
                                    field: string;
                                    message: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Токены доступа по API: свои (руководитель видит все токены организации) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                personName: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Выпустить токен доступа по API (секрет показывается один раз) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            name: string;
                            token: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Отозвать токен */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Исходящая почта системы (только на демо-стенде; ссылки и коды скрыты) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            mode: string;
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                to: string;
                                subject: string;
                                /** @description Текст письма; ссылки и коды из него скрыты */
                                text: string;
                                status: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                sentAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/reference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Справочники заявлений: статусы, округа, виды документов, основания отказа, срок рассмотрения и производственный календарь */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statuses: {
                                code: string;
                                label: string;
                            }[];
                            districts: {
                                code: string;
                                name: string;
                            }[];
                            attachmentKinds: {
                                code: string;
                                label: string;
                                requiredForPermit: boolean;
                            }[];
                            rejectionReasons: {
                                code: string;
                                text: string;
                            }[];
                            infoRequestTemplates: {
                                code: string;
                                text: string;
                            }[];
                            reviewWorkingDays: number;
                            calendar: {
                                year: number;
                                source: string;
                                provisional: boolean;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/facility-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Объекты приёма из реестра, принимающие вид отходов (для строки заявления) */
        get: {
            parameters: {
                query?: {
                    wasteCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                name: string;
                                address: string;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                organizationId: string;
                                organizationName: string;
                                inn: string;
                                wasteCodes: string[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/carrier-lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Перевозчик по ИНН: зарегистрирован ли он (если нет — ему будет отправлено приглашение) */
        get: {
            parameters: {
                query: {
                    inn: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            inn: string;
                            registered: boolean;
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            organizationId: string | null;
                            name: string | null;
                            isCarrier: boolean;
                            suspended: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** «Мои заявки»: заявления организации со статусами, новые изменения сначала */
        get: {
            parameters: {
                query?: {
                    /** @description draft — Черновик, submitted — На рассмотрении, needs_info — Требуется дополнение, approved — Одобрено, rejected — Отклонено, withdrawn — Отозвано заявителем */
                    status?: "draft" | "submitted" | "needs_info" | "approved" | "rejected" | "withdrawn";
                    /** @description Идентификатор (UUID) */
                    siteId?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                /** @description permit — выдача разрешения, amendment — внесение изменений в разрешение */
                                kind: "permit" | "amendment";
                                /** @description draft — Черновик, submitted — На рассмотрении, needs_info — Требуется дополнение, approved — Одобрено, rejected — Отклонено, withdrawn — Отозвано заявителем */
                                status: "draft" | "submitted" | "needs_info" | "approved" | "rejected" | "withdrawn";
                                statusLabel: string;
                                siteName: string | null;
                                permitNumber: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /** Format: date-time */
                                submittedAt: string | null;
                                /** @description Срок рассмотрения в рабочих днях по производственному календарю */
                                review: {
                                    /** @description Срок рассмотрения, рабочих дней */
                                    days: number;
                                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                    dueOn: string;
                                    /** @description Срок идёт (заявление на рассмотрении) */
                                    running: boolean;
                                    /** @description Осталось рабочих дней (отрицательное — просрочено) */
                                    workingDaysLeft: number | null;
                                    overdue: boolean;
                                } | null;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                infoDueOn: string | null;
                                reasonText: string | null;
                                unread: number;
                                needsAction: boolean;
                            }[];
                            /** @description Курсор следующей страницы */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Госуслуга «Выдача разрешения на перемещение ОСС»: создать черновик заявления (или заявления о внесении изменений в разрешение)
         * @description Черновик появляется в «Моих задачах» создавшего. Для внесения изменений укажите kind=amendment и permitId — черновик заполняется условиями разрешения. Принимает Idempotency-Key.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description permit — выдача разрешения, amendment — внесение изменений в разрешение */
                        kind?: "permit" | "amendment";
                        /**
                         * Format: uuid
                         * @description Идентификатор (UUID)
                         */
                        siteId?: string;
                        /**
                         * Format: uuid
                         * @description Идентификатор (UUID)
                         */
                        permitId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Номер заявления, например ЗР-2026-000001 */
                            number: string;
                            /** @description permit — выдача разрешения, amendment — внесение изменений в разрешение */
                            kind: "permit" | "amendment";
                            /** @description draft — Черновик, submitted — На рассмотрении, needs_info — Требуется дополнение, approved — Одобрено, rejected — Отклонено, withdrawn — Отозвано заявителем */
                            status: "draft" | "submitted" | "needs_info" | "approved" | "rejected" | "withdrawn";
                            statusLabel: string;
                            /** @description Версия для оптимистической блокировки: передавайте её в PATCH и при подаче */
                            version: number;
                            /** @description Сколько раз заявление подавалось */
                            round: number;
                            organization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            site: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string;
                                archived: boolean;
                            } | null;
                            permit: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                version: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string;
                            } | null;
                            issuedVersion: number | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksFrom: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksTo: string | null;
                            district: string | null;
                            comment: string | null;
                            lines: {
                                position: number;
                                wasteCode: string | null;
                                wasteName: string | null;
                                hazardClass: number | null;
                                /** @description Планируемый объём, м³ */
                                volume: string | null;
                                /** @description Планируемая масса, т */
                                mass: string | null;
                                facilities: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    number: string;
                                    name: string;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    organizationId: string;
                                    organizationName: string;
                                    /** @description Объект принимает этот код ФККО */
                                    accepts: boolean;
                                    active: boolean;
                                }[];
                            }[];
                            carriers: {
                                inn: string;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                organizationId: string | null;
                                name: string | null;
                                registered: boolean;
                                isCarrier: boolean;
                                suspended: boolean;
                                inviteEmail: string | null;
                                /** Format: date-time */
                                invitedAt: string | null;
                            }[];
                            files: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                kind: string;
                                kindLabel: string;
                                fileName: string;
                                /** @description Тип по содержимому: pdf, rtf, doc, docx, xls, xlsx, jpeg, tiff */
                                fileType: string;
                                sizeBytes: number;
                                /** Format: date-time */
                                uploadedAt: string;
                                uploadedBy: string;
                                messageId: number | null;
                                url: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            firstSubmittedAt: string | null;
                            /** Format: date-time */
                            submittedAt: string | null;
                            submittedBy: string | null;
                            /** @description Срок рассмотрения в рабочих днях по производственному календарю */
                            review: {
                                /** @description Срок рассмотрения, рабочих дней */
                                days: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string;
                                /** @description Срок идёт (заявление на рассмотрении) */
                                running: boolean;
                                /** @description Осталось рабочих дней (отрицательное — просрочено) */
                                workingDaysLeft: number | null;
                                overdue: boolean;
                            } | null;
                            infoRequest: {
                                text: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string | null;
                                overdue: boolean;
                            } | null;
                            decision: {
                                /** Format: date-time */
                                at: string;
                                by: string | null;
                                reasonCode: string | null;
                                reasonText: string | null;
                                comment: string | null;
                            } | null;
                            assignee: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                            } | null;
                            /** @description Непрочитанные сообщения переписки */
                            unread: number;
                            /** @description Что ещё не заполнено для подачи (все пункты сразу) */
                            missing: {
                                field: string;
                                message: string;
                            }[];
                            stages: {
                                key: string;
                                title: string;
                                done: boolean;
                                current: boolean;
                                note: string | null;
                            }[];
                            allowedActions: ("submit" | "request_info" | "resubmit" | "approve" | "reject" | "withdraw")[];
                            editable: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Заявление: сведения, этапы, срок рассмотрения, решение, что не заполнено, доступные действия */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Номер заявления, например ЗР-2026-000001 */
                            number: string;
                            /** @description permit — выдача разрешения, amendment — внесение изменений в разрешение */
                            kind: "permit" | "amendment";
                            /** @description draft — Черновик, submitted — На рассмотрении, needs_info — Требуется дополнение, approved — Одобрено, rejected — Отклонено, withdrawn — Отозвано заявителем */
                            status: "draft" | "submitted" | "needs_info" | "approved" | "rejected" | "withdrawn";
                            statusLabel: string;
                            /** @description Версия для оптимистической блокировки: передавайте её в PATCH и при подаче */
                            version: number;
                            /** @description Сколько раз заявление подавалось */
                            round: number;
                            organization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            site: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string;
                                archived: boolean;
                            } | null;
                            permit: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                version: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string;
                            } | null;
                            issuedVersion: number | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksFrom: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksTo: string | null;
                            district: string | null;
                            comment: string | null;
                            lines: {
                                position: number;
                                wasteCode: string | null;
                                wasteName: string | null;
                                hazardClass: number | null;
                                /** @description Планируемый объём, м³ */
                                volume: string | null;
                                /** @description Планируемая масса, т */
                                mass: string | null;
                                facilities: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    number: string;
                                    name: string;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    organizationId: string;
                                    organizationName: string;
                                    /** @description Объект принимает этот код ФККО */
                                    accepts: boolean;
                                    active: boolean;
                                }[];
                            }[];
                            carriers: {
                                inn: string;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                organizationId: string | null;
                                name: string | null;
                                registered: boolean;
                                isCarrier: boolean;
                                suspended: boolean;
                                inviteEmail: string | null;
                                /** Format: date-time */
                                invitedAt: string | null;
                            }[];
                            files: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                kind: string;
                                kindLabel: string;
                                fileName: string;
                                /** @description Тип по содержимому: pdf, rtf, doc, docx, xls, xlsx, jpeg, tiff */
                                fileType: string;
                                sizeBytes: number;
                                /** Format: date-time */
                                uploadedAt: string;
                                uploadedBy: string;
                                messageId: number | null;
                                url: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            firstSubmittedAt: string | null;
                            /** Format: date-time */
                            submittedAt: string | null;
                            submittedBy: string | null;
                            /** @description Срок рассмотрения в рабочих днях по производственному календарю */
                            review: {
                                /** @description Срок рассмотрения, рабочих дней */
                                days: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string;
                                /** @description Срок идёт (заявление на рассмотрении) */
                                running: boolean;
                                /** @description Осталось рабочих дней (отрицательное — просрочено) */
                                workingDaysLeft: number | null;
                                overdue: boolean;
                            } | null;
                            infoRequest: {
                                text: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string | null;
                                overdue: boolean;
                            } | null;
                            decision: {
                                /** Format: date-time */
                                at: string;
                                by: string | null;
                                reasonCode: string | null;
                                reasonText: string | null;
                                comment: string | null;
                            } | null;
                            assignee: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                            } | null;
                            /** @description Непрочитанные сообщения переписки */
                            unread: number;
                            /** @description Что ещё не заполнено для подачи (все пункты сразу) */
                            missing: {
                                field: string;
                                message: string;
                            }[];
                            stages: {
                                key: string;
                                title: string;
                                done: boolean;
                                current: boolean;
                                note: string | null;
                            }[];
                            allowedActions: ("submit" | "request_info" | "resubmit" | "approve" | "reject" | "withdraw")[];
                            editable: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Сохранить группу полей черновика (general, lines или carriers) с проверкой версии
         * @description Каждое изменение сохраняется сразу. В теле — version, на которой сделано изменение; если заявление уже изменено (другое окно, другой пользователь), ответ 409 version_conflict с currentVersion и current — заявлением как оно есть.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Версия, на которой сделано изменение */
                        version: number;
                        general?: {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            siteId?: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksFrom?: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksTo?: string | null;
                            district?: string | null;
                            comment?: string | null;
                        };
                        lines?: {
                            wasteCode?: string | null;
                            volume?: (string | number) | (never | null);
                            mass?: (string | number) | (never | null);
                            facilityObjectIds?: string[];
                        }[];
                        carriers?: {
                            inn: string;
                            inviteEmail?: string | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Номер заявления, например ЗР-2026-000001 */
                            number: string;
                            /** @description permit — выдача разрешения, amendment — внесение изменений в разрешение */
                            kind: "permit" | "amendment";
                            /** @description draft — Черновик, submitted — На рассмотрении, needs_info — Требуется дополнение, approved — Одобрено, rejected — Отклонено, withdrawn — Отозвано заявителем */
                            status: "draft" | "submitted" | "needs_info" | "approved" | "rejected" | "withdrawn";
                            statusLabel: string;
                            /** @description Версия для оптимистической блокировки: передавайте её в PATCH и при подаче */
                            version: number;
                            /** @description Сколько раз заявление подавалось */
                            round: number;
                            organization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            site: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string;
                                archived: boolean;
                            } | null;
                            permit: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                version: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string;
                            } | null;
                            issuedVersion: number | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksFrom: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksTo: string | null;
                            district: string | null;
                            comment: string | null;
                            lines: {
                                position: number;
                                wasteCode: string | null;
                                wasteName: string | null;
                                hazardClass: number | null;
                                /** @description Планируемый объём, м³ */
                                volume: string | null;
                                /** @description Планируемая масса, т */
                                mass: string | null;
                                facilities: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    number: string;
                                    name: string;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    organizationId: string;
                                    organizationName: string;
                                    /** @description Объект принимает этот код ФККО */
                                    accepts: boolean;
                                    active: boolean;
                                }[];
                            }[];
                            carriers: {
                                inn: string;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                organizationId: string | null;
                                name: string | null;
                                registered: boolean;
                                isCarrier: boolean;
                                suspended: boolean;
                                inviteEmail: string | null;
                                /** Format: date-time */
                                invitedAt: string | null;
                            }[];
                            files: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                kind: string;
                                kindLabel: string;
                                fileName: string;
                                /** @description Тип по содержимому: pdf, rtf, doc, docx, xls, xlsx, jpeg, tiff */
                                fileType: string;
                                sizeBytes: number;
                                /** Format: date-time */
                                uploadedAt: string;
                                uploadedBy: string;
                                messageId: number | null;
                                url: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            firstSubmittedAt: string | null;
                            /** Format: date-time */
                            submittedAt: string | null;
                            submittedBy: string | null;
                            /** @description Срок рассмотрения в рабочих днях по производственному календарю */
                            review: {
                                /** @description Срок рассмотрения, рабочих дней */
                                days: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string;
                                /** @description Срок идёт (заявление на рассмотрении) */
                                running: boolean;
                                /** @description Осталось рабочих дней (отрицательное — просрочено) */
                                workingDaysLeft: number | null;
                                overdue: boolean;
                            } | null;
                            infoRequest: {
                                text: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string | null;
                                overdue: boolean;
                            } | null;
                            decision: {
                                /** Format: date-time */
                                at: string;
                                by: string | null;
                                reasonCode: string | null;
                                reasonText: string | null;
                                comment: string | null;
                            } | null;
                            assignee: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                            } | null;
                            /** @description Непрочитанные сообщения переписки */
                            unread: number;
                            /** @description Что ещё не заполнено для подачи (все пункты сразу) */
                            missing: {
                                field: string;
                                message: string;
                            }[];
                            stages: {
                                key: string;
                                title: string;
                                done: boolean;
                                current: boolean;
                                note: string | null;
                            }[];
                            allowedActions: ("submit" | "request_info" | "resubmit" | "approve" | "reject" | "withdraw")[];
                            editable: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/applications/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Подать заявление (из черновика или повторно после «Требуется дополнение»)
         * @description Если заявление заполнено не полностью — 422 application_incomplete со списком всего, чего не хватает. Принимает Idempotency-Key.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Номер заявления, например ЗР-2026-000001 */
                            number: string;
                            /** @description permit — выдача разрешения, amendment — внесение изменений в разрешение */
                            kind: "permit" | "amendment";
                            /** @description draft — Черновик, submitted — На рассмотрении, needs_info — Требуется дополнение, approved — Одобрено, rejected — Отклонено, withdrawn — Отозвано заявителем */
                            status: "draft" | "submitted" | "needs_info" | "approved" | "rejected" | "withdrawn";
                            statusLabel: string;
                            /** @description Версия для оптимистической блокировки: передавайте её в PATCH и при подаче */
                            version: number;
                            /** @description Сколько раз заявление подавалось */
                            round: number;
                            organization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            site: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string;
                                archived: boolean;
                            } | null;
                            permit: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                version: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string;
                            } | null;
                            issuedVersion: number | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksFrom: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksTo: string | null;
                            district: string | null;
                            comment: string | null;
                            lines: {
                                position: number;
                                wasteCode: string | null;
                                wasteName: string | null;
                                hazardClass: number | null;
                                /** @description Планируемый объём, м³ */
                                volume: string | null;
                                /** @description Планируемая масса, т */
                                mass: string | null;
                                facilities: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    number: string;
                                    name: string;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    organizationId: string;
                                    organizationName: string;
                                    /** @description Объект принимает этот код ФККО */
                                    accepts: boolean;
                                    active: boolean;
                                }[];
                            }[];
                            carriers: {
                                inn: string;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                organizationId: string | null;
                                name: string | null;
                                registered: boolean;
                                isCarrier: boolean;
                                suspended: boolean;
                                inviteEmail: string | null;
                                /** Format: date-time */
                                invitedAt: string | null;
                            }[];
                            files: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                kind: string;
                                kindLabel: string;
                                fileName: string;
                                /** @description Тип по содержимому: pdf, rtf, doc, docx, xls, xlsx, jpeg, tiff */
                                fileType: string;
                                sizeBytes: number;
                                /** Format: date-time */
                                uploadedAt: string;
                                uploadedBy: string;
                                messageId: number | null;
                                url: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            firstSubmittedAt: string | null;
                            /** Format: date-time */
                            submittedAt: string | null;
                            submittedBy: string | null;
                            /** @description Срок рассмотрения в рабочих днях по производственному календарю */
                            review: {
                                /** @description Срок рассмотрения, рабочих дней */
                                days: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string;
                                /** @description Срок идёт (заявление на рассмотрении) */
                                running: boolean;
                                /** @description Осталось рабочих дней (отрицательное — просрочено) */
                                workingDaysLeft: number | null;
                                overdue: boolean;
                            } | null;
                            infoRequest: {
                                text: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string | null;
                                overdue: boolean;
                            } | null;
                            decision: {
                                /** Format: date-time */
                                at: string;
                                by: string | null;
                                reasonCode: string | null;
                                reasonText: string | null;
                                comment: string | null;
                            } | null;
                            assignee: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                            } | null;
                            /** @description Непрочитанные сообщения переписки */
                            unread: number;
                            /** @description Что ещё не заполнено для подачи (все пункты сразу) */
                            missing: {
                                field: string;
                                message: string;
                            }[];
                            stages: {
                                key: string;
                                title: string;
                                done: boolean;
                                current: boolean;
                                note: string | null;
                            }[];
                            allowedActions: ("submit" | "request_info" | "resubmit" | "approve" | "reject" | "withdraw")[];
                            editable: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Отозвать заявление */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Номер заявления, например ЗР-2026-000001 */
                            number: string;
                            /** @description permit — выдача разрешения, amendment — внесение изменений в разрешение */
                            kind: "permit" | "amendment";
                            /** @description draft — Черновик, submitted — На рассмотрении, needs_info — Требуется дополнение, approved — Одобрено, rejected — Отклонено, withdrawn — Отозвано заявителем */
                            status: "draft" | "submitted" | "needs_info" | "approved" | "rejected" | "withdrawn";
                            statusLabel: string;
                            /** @description Версия для оптимистической блокировки: передавайте её в PATCH и при подаче */
                            version: number;
                            /** @description Сколько раз заявление подавалось */
                            round: number;
                            organization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            site: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string;
                                archived: boolean;
                            } | null;
                            permit: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                version: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string;
                            } | null;
                            issuedVersion: number | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksFrom: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksTo: string | null;
                            district: string | null;
                            comment: string | null;
                            lines: {
                                position: number;
                                wasteCode: string | null;
                                wasteName: string | null;
                                hazardClass: number | null;
                                /** @description Планируемый объём, м³ */
                                volume: string | null;
                                /** @description Планируемая масса, т */
                                mass: string | null;
                                facilities: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    number: string;
                                    name: string;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    organizationId: string;
                                    organizationName: string;
                                    /** @description Объект принимает этот код ФККО */
                                    accepts: boolean;
                                    active: boolean;
                                }[];
                            }[];
                            carriers: {
                                inn: string;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                organizationId: string | null;
                                name: string | null;
                                registered: boolean;
                                isCarrier: boolean;
                                suspended: boolean;
                                inviteEmail: string | null;
                                /** Format: date-time */
                                invitedAt: string | null;
                            }[];
                            files: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                kind: string;
                                kindLabel: string;
                                fileName: string;
                                /** @description Тип по содержимому: pdf, rtf, doc, docx, xls, xlsx, jpeg, tiff */
                                fileType: string;
                                sizeBytes: number;
                                /** Format: date-time */
                                uploadedAt: string;
                                uploadedBy: string;
                                messageId: number | null;
                                url: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            firstSubmittedAt: string | null;
                            /** Format: date-time */
                            submittedAt: string | null;
                            submittedBy: string | null;
                            /** @description Срок рассмотрения в рабочих днях по производственному календарю */
                            review: {
                                /** @description Срок рассмотрения, рабочих дней */
                                days: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string;
                                /** @description Срок идёт (заявление на рассмотрении) */
                                running: boolean;
                                /** @description Осталось рабочих дней (отрицательное — просрочено) */
                                workingDaysLeft: number | null;
                                overdue: boolean;
                            } | null;
                            infoRequest: {
                                text: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string | null;
                                overdue: boolean;
                            } | null;
                            decision: {
                                /** Format: date-time */
                                at: string;
                                by: string | null;
                                reasonCode: string | null;
                                reasonText: string | null;
                                comment: string | null;
                            } | null;
                            assignee: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                            } | null;
                            /** @description Непрочитанные сообщения переписки */
                            unread: number;
                            /** @description Что ещё не заполнено для подачи (все пункты сразу) */
                            missing: {
                                field: string;
                                message: string;
                            }[];
                            stages: {
                                key: string;
                                title: string;
                                done: boolean;
                                current: boolean;
                                note: string | null;
                            }[];
                            allowedActions: ("submit" | "request_info" | "resubmit" | "approve" | "reject" | "withdraw")[];
                            editable: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** История заявления: кто, когда, что изменилось */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** Format: date-time */
                                at: string;
                                action: string;
                                actionLabel: string;
                                who: string | null;
                                organization: string | null;
                                fromStatus: string | null;
                                toStatus: string | null;
                                changes: {
                                    field: string;
                                    label: string;
                                    before: string | null;
                                    after: string | null;
                                }[];
                                comment: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Приложить файл (multipart, поле «file»; PDF, RTF, DOC, DOCX, XLS, XLSX, JPEG, JPG, TIFF до 50 МБ; тип определяется по содержимому) */
        post: {
            parameters: {
                query: {
                    kind: "regulation" | "carrier_contract" | "facility_contract" | "other";
                };
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            kind: string;
                            kindLabel: string;
                            fileName: string;
                            /** @description Тип по содержимому: pdf, rtf, doc, docx, xls, xlsx, jpeg, tiff */
                            fileType: string;
                            sizeBytes: number;
                            /** Format: date-time */
                            uploadedAt: string;
                            uploadedBy: string;
                            messageId: number | null;
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Скачать файл заявления или сообщения */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    /** @description Идентификатор (UUID) */
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        /** Удалить приложенный файл */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    /** @description Идентификатор (UUID) */
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Переписка по заявлению со специалистами оператора */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                side: "applicant" | "operator";
                                author: string;
                                mine: boolean;
                                text: string;
                                /** Format: date-time */
                                createdAt: string;
                                unread: boolean;
                                files: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    fileName: string;
                                    fileType: string;
                                    sizeBytes: number;
                                    url: string;
                                }[];
                            }[];
                            unread: number;
                            lastReadId: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Написать сообщение (JSON {"text"} или multipart: поле «text» и до 5 файлов «file»)
         * @description Сообщение видят заявитель и специалисты оператора; другой стороне приходит уведомление в кабинете и по электронной почте.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/messages/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Отметить переписку прочитанной (до сообщения upToId или целиком) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        upToId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lastReadId: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Очередь заявлений: фильтры по статусу, сроку, заявителю, округу и специалисту; постраничная выборка по курсору, старые сначала
         * @description age: overdue — срок рассмотрения истёк, due_today — истекает сегодня, due_soon — в ближайшие 2 рабочих дня, in_time — позже. assignee: UUID специалиста, me или none. Черновики оператору не видны.
         */
        get: {
            parameters: {
                query?: {
                    /** @description draft — Черновик, submitted — На рассмотрении, needs_info — Требуется дополнение, approved — Одобрено, rejected — Отклонено, withdrawn — Отозвано заявителем */
                    status?: "draft" | "submitted" | "needs_info" | "approved" | "rejected" | "withdrawn";
                    age?: "overdue" | "due_today" | "due_soon" | "in_time";
                    applicantInn?: string;
                    district?: "ЦАО" | "САО" | "СВАО" | "ВАО" | "ЮВАО" | "ЮАО" | "ЮЗАО" | "ЗАО" | "СЗАО" | "ЗелАО" | "НАО" | "ТАО";
                    assignee?: string | "me" | "none";
                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                    submittedFrom?: string;
                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                    submittedTo?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                /** @description permit — выдача разрешения, amendment — внесение изменений в разрешение */
                                kind: "permit" | "amendment";
                                /** @description draft — Черновик, submitted — На рассмотрении, needs_info — Требуется дополнение, approved — Одобрено, rejected — Отклонено, withdrawn — Отозвано заявителем */
                                status: "draft" | "submitted" | "needs_info" | "approved" | "rejected" | "withdrawn";
                                statusLabel: string;
                                round: number;
                                applicant: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                };
                                siteName: string | null;
                                district: string | null;
                                /** Format: date-time */
                                submittedAt: string;
                                /** @description Срок рассмотрения в рабочих днях по производственному календарю */
                                review: {
                                    /** @description Срок рассмотрения, рабочих дней */
                                    days: number;
                                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                    dueOn: string;
                                    /** @description Срок идёт (заявление на рассмотрении) */
                                    running: boolean;
                                    /** @description Осталось рабочих дней (отрицательное — просрочено) */
                                    workingDaysLeft: number | null;
                                    overdue: boolean;
                                } | null;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                infoDueOn: string | null;
                                assignee: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                } | null;
                                unread: number;
                            }[];
                            /** @description Курсор следующей страницы */
                            nextCursor: string | null;
                        } & {
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            today: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/specialists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Специалисты оператора, которым можно назначить заявление */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/applications/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Назначить специалиста (null — вернуть в общую очередь) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Идентификатор (UUID)
                         */
                        assigneeId: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Номер заявления, например ЗР-2026-000001 */
                            number: string;
                            /** @description permit — выдача разрешения, amendment — внесение изменений в разрешение */
                            kind: "permit" | "amendment";
                            /** @description draft — Черновик, submitted — На рассмотрении, needs_info — Требуется дополнение, approved — Одобрено, rejected — Отклонено, withdrawn — Отозвано заявителем */
                            status: "draft" | "submitted" | "needs_info" | "approved" | "rejected" | "withdrawn";
                            statusLabel: string;
                            /** @description Версия для оптимистической блокировки: передавайте её в PATCH и при подаче */
                            version: number;
                            /** @description Сколько раз заявление подавалось */
                            round: number;
                            organization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            site: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string;
                                archived: boolean;
                            } | null;
                            permit: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                version: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string;
                            } | null;
                            issuedVersion: number | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksFrom: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksTo: string | null;
                            district: string | null;
                            comment: string | null;
                            lines: {
                                position: number;
                                wasteCode: string | null;
                                wasteName: string | null;
                                hazardClass: number | null;
                                /** @description Планируемый объём, м³ */
                                volume: string | null;
                                /** @description Планируемая масса, т */
                                mass: string | null;
                                facilities: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    number: string;
                                    name: string;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    organizationId: string;
                                    organizationName: string;
                                    /** @description Объект принимает этот код ФККО */
                                    accepts: boolean;
                                    active: boolean;
                                }[];
                            }[];
                            carriers: {
                                inn: string;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                organizationId: string | null;
                                name: string | null;
                                registered: boolean;
                                isCarrier: boolean;
                                suspended: boolean;
                                inviteEmail: string | null;
                                /** Format: date-time */
                                invitedAt: string | null;
                            }[];
                            files: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                kind: string;
                                kindLabel: string;
                                fileName: string;
                                /** @description Тип по содержимому: pdf, rtf, doc, docx, xls, xlsx, jpeg, tiff */
                                fileType: string;
                                sizeBytes: number;
                                /** Format: date-time */
                                uploadedAt: string;
                                uploadedBy: string;
                                messageId: number | null;
                                url: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            firstSubmittedAt: string | null;
                            /** Format: date-time */
                            submittedAt: string | null;
                            submittedBy: string | null;
                            /** @description Срок рассмотрения в рабочих днях по производственному календарю */
                            review: {
                                /** @description Срок рассмотрения, рабочих дней */
                                days: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string;
                                /** @description Срок идёт (заявление на рассмотрении) */
                                running: boolean;
                                /** @description Осталось рабочих дней (отрицательное — просрочено) */
                                workingDaysLeft: number | null;
                                overdue: boolean;
                            } | null;
                            infoRequest: {
                                text: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string | null;
                                overdue: boolean;
                            } | null;
                            decision: {
                                /** Format: date-time */
                                at: string;
                                by: string | null;
                                reasonCode: string | null;
                                reasonText: string | null;
                                comment: string | null;
                            } | null;
                            assignee: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                            } | null;
                            /** @description Непрочитанные сообщения переписки */
                            unread: number;
                            /** @description Что ещё не заполнено для подачи (все пункты сразу) */
                            missing: {
                                field: string;
                                message: string;
                            }[];
                            stages: {
                                key: string;
                                title: string;
                                done: boolean;
                                current: boolean;
                                note: string | null;
                            }[];
                            allowedActions: ("submit" | "request_info" | "resubmit" | "approve" | "reject" | "withdraw")[];
                            editable: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/applications/{id}/request-info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * «Требуется дополнение»: что нужно и к какому сроку
         * @description Срок — дата (dueOn; если она приходится на нерабочий день, срок переносится на ближайший рабочий день) или число рабочих дней (workingDays; по умолчанию 10). Принимает Idempotency-Key.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        request: string;
                        /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                        dueOn?: string;
                        workingDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Номер заявления, например ЗР-2026-000001 */
                            number: string;
                            /** @description permit — выдача разрешения, amendment — внесение изменений в разрешение */
                            kind: "permit" | "amendment";
                            /** @description draft — Черновик, submitted — На рассмотрении, needs_info — Требуется дополнение, approved — Одобрено, rejected — Отклонено, withdrawn — Отозвано заявителем */
                            status: "draft" | "submitted" | "needs_info" | "approved" | "rejected" | "withdrawn";
                            statusLabel: string;
                            /** @description Версия для оптимистической блокировки: передавайте её в PATCH и при подаче */
                            version: number;
                            /** @description Сколько раз заявление подавалось */
                            round: number;
                            organization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            site: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string;
                                archived: boolean;
                            } | null;
                            permit: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                version: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string;
                            } | null;
                            issuedVersion: number | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksFrom: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksTo: string | null;
                            district: string | null;
                            comment: string | null;
                            lines: {
                                position: number;
                                wasteCode: string | null;
                                wasteName: string | null;
                                hazardClass: number | null;
                                /** @description Планируемый объём, м³ */
                                volume: string | null;
                                /** @description Планируемая масса, т */
                                mass: string | null;
                                facilities: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    number: string;
                                    name: string;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    organizationId: string;
                                    organizationName: string;
                                    /** @description Объект принимает этот код ФККО */
                                    accepts: boolean;
                                    active: boolean;
                                }[];
                            }[];
                            carriers: {
                                inn: string;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                organizationId: string | null;
                                name: string | null;
                                registered: boolean;
                                isCarrier: boolean;
                                suspended: boolean;
                                inviteEmail: string | null;
                                /** Format: date-time */
                                invitedAt: string | null;
                            }[];
                            files: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                kind: string;
                                kindLabel: string;
                                fileName: string;
                                /** @description Тип по содержимому: pdf, rtf, doc, docx, xls, xlsx, jpeg, tiff */
                                fileType: string;
                                sizeBytes: number;
                                /** Format: date-time */
                                uploadedAt: string;
                                uploadedBy: string;
                                messageId: number | null;
                                url: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            firstSubmittedAt: string | null;
                            /** Format: date-time */
                            submittedAt: string | null;
                            submittedBy: string | null;
                            /** @description Срок рассмотрения в рабочих днях по производственному календарю */
                            review: {
                                /** @description Срок рассмотрения, рабочих дней */
                                days: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string;
                                /** @description Срок идёт (заявление на рассмотрении) */
                                running: boolean;
                                /** @description Осталось рабочих дней (отрицательное — просрочено) */
                                workingDaysLeft: number | null;
                                overdue: boolean;
                            } | null;
                            infoRequest: {
                                text: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string | null;
                                overdue: boolean;
                            } | null;
                            decision: {
                                /** Format: date-time */
                                at: string;
                                by: string | null;
                                reasonCode: string | null;
                                reasonText: string | null;
                                comment: string | null;
                            } | null;
                            assignee: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                            } | null;
                            /** @description Непрочитанные сообщения переписки */
                            unread: number;
                            /** @description Что ещё не заполнено для подачи (все пункты сразу) */
                            missing: {
                                field: string;
                                message: string;
                            }[];
                            stages: {
                                key: string;
                                title: string;
                                done: boolean;
                                current: boolean;
                                note: string | null;
                            }[];
                            allowedActions: ("submit" | "request_info" | "resubmit" | "approve" | "reject" | "withdraw")[];
                            editable: boolean;
                        } & {
                            /** @description Срок перенесён с нерабочего дня */
                            dueMoved: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/applications/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Решение: одобрить (выдаётся разрешение или его новая версия) или отклонить (основание из списка и пояснение)
         * @description Решение принимается только по заявлению на рассмотрении; иначе 409. Принимает Idempotency-Key.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        decision: "approve" | "reject";
                        reasonCode?: string;
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Номер заявления, например ЗР-2026-000001 */
                            number: string;
                            /** @description permit — выдача разрешения, amendment — внесение изменений в разрешение */
                            kind: "permit" | "amendment";
                            /** @description draft — Черновик, submitted — На рассмотрении, needs_info — Требуется дополнение, approved — Одобрено, rejected — Отклонено, withdrawn — Отозвано заявителем */
                            status: "draft" | "submitted" | "needs_info" | "approved" | "rejected" | "withdrawn";
                            statusLabel: string;
                            /** @description Версия для оптимистической блокировки: передавайте её в PATCH и при подаче */
                            version: number;
                            /** @description Сколько раз заявление подавалось */
                            round: number;
                            organization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            site: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string;
                                archived: boolean;
                            } | null;
                            permit: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                version: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string;
                            } | null;
                            issuedVersion: number | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksFrom: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            worksTo: string | null;
                            district: string | null;
                            comment: string | null;
                            lines: {
                                position: number;
                                wasteCode: string | null;
                                wasteName: string | null;
                                hazardClass: number | null;
                                /** @description Планируемый объём, м³ */
                                volume: string | null;
                                /** @description Планируемая масса, т */
                                mass: string | null;
                                facilities: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    number: string;
                                    name: string;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    organizationId: string;
                                    organizationName: string;
                                    /** @description Объект принимает этот код ФККО */
                                    accepts: boolean;
                                    active: boolean;
                                }[];
                            }[];
                            carriers: {
                                inn: string;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                organizationId: string | null;
                                name: string | null;
                                registered: boolean;
                                isCarrier: boolean;
                                suspended: boolean;
                                inviteEmail: string | null;
                                /** Format: date-time */
                                invitedAt: string | null;
                            }[];
                            files: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                kind: string;
                                kindLabel: string;
                                fileName: string;
                                /** @description Тип по содержимому: pdf, rtf, doc, docx, xls, xlsx, jpeg, tiff */
                                fileType: string;
                                sizeBytes: number;
                                /** Format: date-time */
                                uploadedAt: string;
                                uploadedBy: string;
                                messageId: number | null;
                                url: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            firstSubmittedAt: string | null;
                            /** Format: date-time */
                            submittedAt: string | null;
                            submittedBy: string | null;
                            /** @description Срок рассмотрения в рабочих днях по производственному календарю */
                            review: {
                                /** @description Срок рассмотрения, рабочих дней */
                                days: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string;
                                /** @description Срок идёт (заявление на рассмотрении) */
                                running: boolean;
                                /** @description Осталось рабочих дней (отрицательное — просрочено) */
                                workingDaysLeft: number | null;
                                overdue: boolean;
                            } | null;
                            infoRequest: {
                                text: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string | null;
                                overdue: boolean;
                            } | null;
                            decision: {
                                /** Format: date-time */
                                at: string;
                                by: string | null;
                                reasonCode: string | null;
                                reasonText: string | null;
                                comment: string | null;
                            } | null;
                            assignee: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                            } | null;
                            /** @description Непрочитанные сообщения переписки */
                            unread: number;
                            /** @description Что ещё не заполнено для подачи (все пункты сразу) */
                            missing: {
                                field: string;
                                message: string;
                            }[];
                            stages: {
                                key: string;
                                title: string;
                                done: boolean;
                                current: boolean;
                                note: string | null;
                            }[];
                            allowedActions: ("submit" | "request_info" | "resubmit" | "approve" | "reject" | "withdraw")[];
                            editable: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Отчётность организации: отчёты и те, что пора подать */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                /** @description Вид отчёта: facility_monthly — ежемесячный отчёт объекта приёма; permit_closing — итоговый по разрешению; tp2_waste — 2-ТП (отходы) */
                                kind: "facility_monthly" | "permit_closing" | "tp2_waste";
                                kindTitle: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                periodFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                periodTo: string;
                                periodText: string;
                                subjectName: string | null;
                                status: "draft" | "submitted" | "correction";
                                statusLabel: string;
                                number: string | null;
                                filedVersion: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                deadline: string;
                                overdue: boolean;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            due: {
                                /** @description Вид отчёта: facility_monthly — ежемесячный отчёт объекта приёма; permit_closing — итоговый по разрешению; tp2_waste — 2-ТП (отходы) */
                                kind: "facility_monthly" | "permit_closing" | "tp2_waste";
                                kindTitle: string;
                                period: string;
                                periodText: string;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                subjectId: string | null;
                                subjectName: string | null;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                deadline: string;
                                overdue: boolean;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                reportId: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Создать отчёт за период, заполненный по данным системы (если он уже есть — вернуть его) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Вид отчёта: facility_monthly — ежемесячный отчёт объекта приёма; permit_closing — итоговый по разрешению; tp2_waste — 2-ТП (отходы) */
                        kind: "facility_monthly" | "permit_closing" | "tp2_waste";
                        /** @description ГГГГ-ММ (ежемесячный), ГГГГ (2-ТП); для итогового — не нужен */
                        period?: string;
                        /**
                         * Format: uuid
                         * @description Идентификатор (UUID)
                         */
                        subjectId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Вид отчёта: facility_monthly — ежемесячный отчёт объекта приёма; permit_closing — итоговый по разрешению; tp2_waste — 2-ТП (отходы) */
                            kind: "facility_monthly" | "permit_closing" | "tp2_waste";
                            kindTitle: string;
                            title: string;
                            /** @description Версия определения отчёта (формы), по которой он заполнен */
                            definitionVersion: number;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            periodFrom: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            periodTo: string;
                            periodText: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            deadline: string;
                            /** @description Срок подачи прошёл, а отчёт ещё не подан */
                            overdue: boolean;
                            status: "draft" | "submitted" | "correction";
                            statusLabel: string;
                            /** @description Регистрационный номер (с первой подачи) */
                            number: string | null;
                            /** @description Сколько версий подано (0 — ещё не подан) */
                            filedVersion: number;
                            /** @description Редакция рабочей копии: сохранение называет её (оптимистическая блокировка) */
                            revision: number;
                            organization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            subject: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string | null;
                            } | null;
                            columns: {
                                key: string;
                                label: string;
                                unit: string;
                                prefill: string | null;
                                readOnly: boolean;
                                required: boolean;
                            }[];
                            rows: {
                                code: string;
                                name: string;
                                hazardClass: number;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                facilityId: string | null;
                                facilityName: string | null;
                                /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                values: {
                                    [key: string]: string | null;
                                };
                                /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                prefilled: {
                                    [key: string]: string | null;
                                };
                                /** @description Откуда значение: prefilled — заполнено системой, changed — изменено человеком, entered — введено, empty — пусто */
                                sources: {
                                    [key: string]: "prefilled" | "changed" | "entered" | "empty";
                                };
                            }[];
                            /** @description Как система заполнила сведения */
                            basis: string[];
                            errors: {
                                field: string;
                                message: string;
                            }[];
                            returnReason: string | null;
                            /** Format: date-time */
                            returnedAt: string | null;
                            files: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                type: string;
                                bytes: number;
                                version: number | null;
                                /** Format: date-time */
                                uploadedAt: string;
                            }[];
                            versions: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                version: number;
                                /** Format: date-time */
                                submittedAt: string;
                                submittedBy: string | null;
                                late: boolean;
                                rows: {
                                    code: string;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    facilityId: string | null;
                                    /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                    values: {
                                        [key: string]: string | null;
                                    };
                                }[];
                                pdf: {
                                    url: string;
                                    signatureUrl: string;
                                    code: string;
                                    verifyUrl: string;
                                } | null;
                            }[];
                            can: {
                                edit: boolean;
                                submit: boolean;
                                correct: boolean;
                                correctionNeedsConsent: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Вид отчёта: facility_monthly — ежемесячный отчёт объекта приёма; permit_closing — итоговый по разрешению; tp2_waste — 2-ТП (отходы) */
                            kind: "facility_monthly" | "permit_closing" | "tp2_waste";
                            kindTitle: string;
                            title: string;
                            /** @description Версия определения отчёта (формы), по которой он заполнен */
                            definitionVersion: number;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            periodFrom: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            periodTo: string;
                            periodText: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            deadline: string;
                            /** @description Срок подачи прошёл, а отчёт ещё не подан */
                            overdue: boolean;
                            status: "draft" | "submitted" | "correction";
                            statusLabel: string;
                            /** @description Регистрационный номер (с первой подачи) */
                            number: string | null;
                            /** @description Сколько версий подано (0 — ещё не подан) */
                            filedVersion: number;
                            /** @description Редакция рабочей копии: сохранение называет её (оптимистическая блокировка) */
                            revision: number;
                            organization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            subject: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string | null;
                            } | null;
                            columns: {
                                key: string;
                                label: string;
                                unit: string;
                                prefill: string | null;
                                readOnly: boolean;
                                required: boolean;
                            }[];
                            rows: {
                                code: string;
                                name: string;
                                hazardClass: number;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                facilityId: string | null;
                                facilityName: string | null;
                                /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                values: {
                                    [key: string]: string | null;
                                };
                                /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                prefilled: {
                                    [key: string]: string | null;
                                };
                                /** @description Откуда значение: prefilled — заполнено системой, changed — изменено человеком, entered — введено, empty — пусто */
                                sources: {
                                    [key: string]: "prefilled" | "changed" | "entered" | "empty";
                                };
                            }[];
                            /** @description Как система заполнила сведения */
                            basis: string[];
                            errors: {
                                field: string;
                                message: string;
                            }[];
                            returnReason: string | null;
                            /** Format: date-time */
                            returnedAt: string | null;
                            files: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                type: string;
                                bytes: number;
                                version: number | null;
                                /** Format: date-time */
                                uploadedAt: string;
                            }[];
                            versions: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                version: number;
                                /** Format: date-time */
                                submittedAt: string;
                                submittedBy: string | null;
                                late: boolean;
                                rows: {
                                    code: string;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    facilityId: string | null;
                                    /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                    values: {
                                        [key: string]: string | null;
                                    };
                                }[];
                                pdf: {
                                    url: string;
                                    signatureUrl: string;
                                    code: string;
                                    verifyUrl: string;
                                } | null;
                            }[];
                            can: {
                                edit: boolean;
                                submit: boolean;
                                correct: boolean;
                                correctionNeedsConsent: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Отчёт: сведения, откуда они, ошибки по полям, файлы, поданные версии */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Вид отчёта: facility_monthly — ежемесячный отчёт объекта приёма; permit_closing — итоговый по разрешению; tp2_waste — 2-ТП (отходы) */
                            kind: "facility_monthly" | "permit_closing" | "tp2_waste";
                            kindTitle: string;
                            title: string;
                            /** @description Версия определения отчёта (формы), по которой он заполнен */
                            definitionVersion: number;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            periodFrom: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            periodTo: string;
                            periodText: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            deadline: string;
                            /** @description Срок подачи прошёл, а отчёт ещё не подан */
                            overdue: boolean;
                            status: "draft" | "submitted" | "correction";
                            statusLabel: string;
                            /** @description Регистрационный номер (с первой подачи) */
                            number: string | null;
                            /** @description Сколько версий подано (0 — ещё не подан) */
                            filedVersion: number;
                            /** @description Редакция рабочей копии: сохранение называет её (оптимистическая блокировка) */
                            revision: number;
                            organization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            subject: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string | null;
                            } | null;
                            columns: {
                                key: string;
                                label: string;
                                unit: string;
                                prefill: string | null;
                                readOnly: boolean;
                                required: boolean;
                            }[];
                            rows: {
                                code: string;
                                name: string;
                                hazardClass: number;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                facilityId: string | null;
                                facilityName: string | null;
                                /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                values: {
                                    [key: string]: string | null;
                                };
                                /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                prefilled: {
                                    [key: string]: string | null;
                                };
                                /** @description Откуда значение: prefilled — заполнено системой, changed — изменено человеком, entered — введено, empty — пусто */
                                sources: {
                                    [key: string]: "prefilled" | "changed" | "entered" | "empty";
                                };
                            }[];
                            /** @description Как система заполнила сведения */
                            basis: string[];
                            errors: {
                                field: string;
                                message: string;
                            }[];
                            returnReason: string | null;
                            /** Format: date-time */
                            returnedAt: string | null;
                            files: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                type: string;
                                bytes: number;
                                version: number | null;
                                /** Format: date-time */
                                uploadedAt: string;
                            }[];
                            versions: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                version: number;
                                /** Format: date-time */
                                submittedAt: string;
                                submittedBy: string | null;
                                late: boolean;
                                rows: {
                                    code: string;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    facilityId: string | null;
                                    /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                    values: {
                                        [key: string]: string | null;
                                    };
                                }[];
                                pdf: {
                                    url: string;
                                    signatureUrl: string;
                                    code: string;
                                    verifyUrl: string;
                                } | null;
                            }[];
                            can: {
                                edit: boolean;
                                submit: boolean;
                                correct: boolean;
                                correctionNeedsConsent: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Сохранить сведения отчёта (редакция — для оптимистической блокировки) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        revision: number;
                        rows: {
                            code: string;
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            facilityId?: string | null;
                            /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                            values: {
                                [key: string]: string | null;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Вид отчёта: facility_monthly — ежемесячный отчёт объекта приёма; permit_closing — итоговый по разрешению; tp2_waste — 2-ТП (отходы) */
                            kind: "facility_monthly" | "permit_closing" | "tp2_waste";
                            kindTitle: string;
                            title: string;
                            /** @description Версия определения отчёта (формы), по которой он заполнен */
                            definitionVersion: number;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            periodFrom: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            periodTo: string;
                            periodText: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            deadline: string;
                            /** @description Срок подачи прошёл, а отчёт ещё не подан */
                            overdue: boolean;
                            status: "draft" | "submitted" | "correction";
                            statusLabel: string;
                            /** @description Регистрационный номер (с первой подачи) */
                            number: string | null;
                            /** @description Сколько версий подано (0 — ещё не подан) */
                            filedVersion: number;
                            /** @description Редакция рабочей копии: сохранение называет её (оптимистическая блокировка) */
                            revision: number;
                            organization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            subject: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string | null;
                            } | null;
                            columns: {
                                key: string;
                                label: string;
                                unit: string;
                                prefill: string | null;
                                readOnly: boolean;
                                required: boolean;
                            }[];
                            rows: {
                                code: string;
                                name: string;
                                hazardClass: number;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                facilityId: string | null;
                                facilityName: string | null;
                                /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                values: {
                                    [key: string]: string | null;
                                };
                                /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                prefilled: {
                                    [key: string]: string | null;
                                };
                                /** @description Откуда значение: prefilled — заполнено системой, changed — изменено человеком, entered — введено, empty — пусто */
                                sources: {
                                    [key: string]: "prefilled" | "changed" | "entered" | "empty";
                                };
                            }[];
                            /** @description Как система заполнила сведения */
                            basis: string[];
                            errors: {
                                field: string;
                                message: string;
                            }[];
                            returnReason: string | null;
                            /** Format: date-time */
                            returnedAt: string | null;
                            files: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                type: string;
                                bytes: number;
                                version: number | null;
                                /** Format: date-time */
                                uploadedAt: string;
                            }[];
                            versions: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                version: number;
                                /** Format: date-time */
                                submittedAt: string;
                                submittedBy: string | null;
                                late: boolean;
                                rows: {
                                    code: string;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    facilityId: string | null;
                                    /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                    values: {
                                        [key: string]: string | null;
                                    };
                                }[];
                                pdf: {
                                    url: string;
                                    signatureUrl: string;
                                    code: string;
                                    verifyUrl: string;
                                } | null;
                            }[];
                            can: {
                                edit: boolean;
                                submit: boolean;
                                correct: boolean;
                                correctionNeedsConsent: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Отправить отчёт (после подтверждения): регистрационный номер и подписанный PDF в реестре */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        revision: number;
                        /** @description Подтверждение отправки: true */
                        confirm: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            number: string;
                            version: number;
                            /** Format: date-time */
                            submittedAt: string;
                            late: boolean;
                            card: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                /** @description Вид отчёта: facility_monthly — ежемесячный отчёт объекта приёма; permit_closing — итоговый по разрешению; tp2_waste — 2-ТП (отходы) */
                                kind: "facility_monthly" | "permit_closing" | "tp2_waste";
                                kindTitle: string;
                                title: string;
                                /** @description Версия определения отчёта (формы), по которой он заполнен */
                                definitionVersion: number;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                periodFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                periodTo: string;
                                periodText: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                deadline: string;
                                /** @description Срок подачи прошёл, а отчёт ещё не подан */
                                overdue: boolean;
                                status: "draft" | "submitted" | "correction";
                                statusLabel: string;
                                /** @description Регистрационный номер (с первой подачи) */
                                number: string | null;
                                /** @description Сколько версий подано (0 — ещё не подан) */
                                filedVersion: number;
                                /** @description Редакция рабочей копии: сохранение называет её (оптимистическая блокировка) */
                                revision: number;
                                organization: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                };
                                subject: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    address: string | null;
                                } | null;
                                columns: {
                                    key: string;
                                    label: string;
                                    unit: string;
                                    prefill: string | null;
                                    readOnly: boolean;
                                    required: boolean;
                                }[];
                                rows: {
                                    code: string;
                                    name: string;
                                    hazardClass: number;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    facilityId: string | null;
                                    facilityName: string | null;
                                    /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                    values: {
                                        [key: string]: string | null;
                                    };
                                    /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                    prefilled: {
                                        [key: string]: string | null;
                                    };
                                    /** @description Откуда значение: prefilled — заполнено системой, changed — изменено человеком, entered — введено, empty — пусто */
                                    sources: {
                                        [key: string]: "prefilled" | "changed" | "entered" | "empty";
                                    };
                                }[];
                                /** @description Как система заполнила сведения */
                                basis: string[];
                                errors: {
                                    field: string;
                                    message: string;
                                }[];
                                returnReason: string | null;
                                /** Format: date-time */
                                returnedAt: string | null;
                                files: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    type: string;
                                    bytes: number;
                                    version: number | null;
                                    /** Format: date-time */
                                    uploadedAt: string;
                                }[];
                                versions: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    version: number;
                                    /** Format: date-time */
                                    submittedAt: string;
                                    submittedBy: string | null;
                                    late: boolean;
                                    rows: {
                                        code: string;
                                        /**
                                         * Format: uuid
                                         * @description Идентификатор (UUID)
                                         */
                                        facilityId: string | null;
                                        /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                        values: {
                                            [key: string]: string | null;
                                        };
                                    }[];
                                    pdf: {
                                        url: string;
                                        signatureUrl: string;
                                        code: string;
                                        verifyUrl: string;
                                    } | null;
                                }[];
                                can: {
                                    edit: boolean;
                                    submit: boolean;
                                    correct: boolean;
                                    correctionNeedsConsent: boolean;
                                };
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/correction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Начать исправление поданного отчёта (новая версия); после срока — только если оператор вернул отчёт */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Вид отчёта: facility_monthly — ежемесячный отчёт объекта приёма; permit_closing — итоговый по разрешению; tp2_waste — 2-ТП (отходы) */
                            kind: "facility_monthly" | "permit_closing" | "tp2_waste";
                            kindTitle: string;
                            title: string;
                            /** @description Версия определения отчёта (формы), по которой он заполнен */
                            definitionVersion: number;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            periodFrom: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            periodTo: string;
                            periodText: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            deadline: string;
                            /** @description Срок подачи прошёл, а отчёт ещё не подан */
                            overdue: boolean;
                            status: "draft" | "submitted" | "correction";
                            statusLabel: string;
                            /** @description Регистрационный номер (с первой подачи) */
                            number: string | null;
                            /** @description Сколько версий подано (0 — ещё не подан) */
                            filedVersion: number;
                            /** @description Редакция рабочей копии: сохранение называет её (оптимистическая блокировка) */
                            revision: number;
                            organization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            subject: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string | null;
                            } | null;
                            columns: {
                                key: string;
                                label: string;
                                unit: string;
                                prefill: string | null;
                                readOnly: boolean;
                                required: boolean;
                            }[];
                            rows: {
                                code: string;
                                name: string;
                                hazardClass: number;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                facilityId: string | null;
                                facilityName: string | null;
                                /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                values: {
                                    [key: string]: string | null;
                                };
                                /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                prefilled: {
                                    [key: string]: string | null;
                                };
                                /** @description Откуда значение: prefilled — заполнено системой, changed — изменено человеком, entered — введено, empty — пусто */
                                sources: {
                                    [key: string]: "prefilled" | "changed" | "entered" | "empty";
                                };
                            }[];
                            /** @description Как система заполнила сведения */
                            basis: string[];
                            errors: {
                                field: string;
                                message: string;
                            }[];
                            returnReason: string | null;
                            /** Format: date-time */
                            returnedAt: string | null;
                            files: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                type: string;
                                bytes: number;
                                version: number | null;
                                /** Format: date-time */
                                uploadedAt: string;
                            }[];
                            versions: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                version: number;
                                /** Format: date-time */
                                submittedAt: string;
                                submittedBy: string | null;
                                late: boolean;
                                rows: {
                                    code: string;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    facilityId: string | null;
                                    /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                    values: {
                                        [key: string]: string | null;
                                    };
                                }[];
                                pdf: {
                                    url: string;
                                    signatureUrl: string;
                                    code: string;
                                    verifyUrl: string;
                                } | null;
                            }[];
                            can: {
                                edit: boolean;
                                submit: boolean;
                                correct: boolean;
                                correctionNeedsConsent: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Приложить подтверждающий документ (multipart, поле «file»; PDF или XML до 50 МБ; тип определяется по содержимому) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            name: string;
                            type: string;
                            bytes: number;
                            version: number | null;
                            /** Format: date-time */
                            uploadedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Подтверждающий документ отчёта */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    /** @description Идентификатор (UUID) */
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        /** Удалить документ из рабочей копии отчёта */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    /** @description Идентификатор (UUID) */
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/versions/{versionId}/files/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PDF поданной версии отчёта, подписанный информационным оператором, или его подпись (.sig, CMS DER) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    /** @description Идентификатор (UUID) */
                    versionId: string;
                    kind: "pdf" | "pdf.sig";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/export/{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Форма 2-ТП (отходы): выгрузка в XML (по схеме tp2-waste.xsd) или XLSX (табличный вид формы) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    format: "xml" | "xlsx";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Кто подал отчёты за период и кто опаздывает */
        get: {
            parameters: {
                query: {
                    kind: "facility_monthly" | "tp2_waste";
                    /** @description ГГГГ-ММ (ежемесячные) или ГГГГ (2-ТП) */
                    period: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Вид отчёта: facility_monthly — ежемесячный отчёт объекта приёма; permit_closing — итоговый по разрешению; tp2_waste — 2-ТП (отходы) */
                            kind: "facility_monthly" | "permit_closing" | "tp2_waste";
                            kindTitle: string;
                            periodText: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            deadline: string;
                            filed: number;
                            late: number;
                            items: {
                                organization: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                };
                                subject: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                } | null;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                reportId: string | null;
                                status: string;
                                statusLabel: string;
                                number: string | null;
                                filedVersion: number;
                                /** Format: date-time */
                                submittedAt: string | null;
                                late: boolean;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/reports/totals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Итоги поданных отчётов за период по кодам ФККО (последние версии) */
        get: {
            parameters: {
                query: {
                    kind: "facility_monthly" | "tp2_waste";
                    /** @description ГГГГ-ММ (ежемесячные) или ГГГГ (2-ТП) */
                    period: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Вид отчёта: facility_monthly — ежемесячный отчёт объекта приёма; permit_closing — итоговый по разрешению; tp2_waste — 2-ТП (отходы) */
                            kind: "facility_monthly" | "permit_closing" | "tp2_waste";
                            periodText: string;
                            columns: {
                                key: string;
                                label: string;
                                unit: string;
                            }[];
                            rows: {
                                code: string;
                                name: string;
                                hazardClass: number;
                                reports: number;
                                /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                values: {
                                    [key: string]: string | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operator/reports/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Вернуть поданный отчёт на исправление с причиной (согласие на исправление и после срока) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            /** @description Вид отчёта: facility_monthly — ежемесячный отчёт объекта приёма; permit_closing — итоговый по разрешению; tp2_waste — 2-ТП (отходы) */
                            kind: "facility_monthly" | "permit_closing" | "tp2_waste";
                            kindTitle: string;
                            title: string;
                            /** @description Версия определения отчёта (формы), по которой он заполнен */
                            definitionVersion: number;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            periodFrom: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            periodTo: string;
                            periodText: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            deadline: string;
                            /** @description Срок подачи прошёл, а отчёт ещё не подан */
                            overdue: boolean;
                            status: "draft" | "submitted" | "correction";
                            statusLabel: string;
                            /** @description Регистрационный номер (с первой подачи) */
                            number: string | null;
                            /** @description Сколько версий подано (0 — ещё не подан) */
                            filedVersion: number;
                            /** @description Редакция рабочей копии: сохранение называет её (оптимистическая блокировка) */
                            revision: number;
                            organization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            subject: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                address: string | null;
                            } | null;
                            columns: {
                                key: string;
                                label: string;
                                unit: string;
                                prefill: string | null;
                                readOnly: boolean;
                                required: boolean;
                            }[];
                            rows: {
                                code: string;
                                name: string;
                                hazardClass: number;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                facilityId: string | null;
                                facilityName: string | null;
                                /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                values: {
                                    [key: string]: string | null;
                                };
                                /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                prefilled: {
                                    [key: string]: string | null;
                                };
                                /** @description Откуда значение: prefilled — заполнено системой, changed — изменено человеком, entered — введено, empty — пусто */
                                sources: {
                                    [key: string]: "prefilled" | "changed" | "entered" | "empty";
                                };
                            }[];
                            /** @description Как система заполнила сведения */
                            basis: string[];
                            errors: {
                                field: string;
                                message: string;
                            }[];
                            returnReason: string | null;
                            /** Format: date-time */
                            returnedAt: string | null;
                            files: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                type: string;
                                bytes: number;
                                version: number | null;
                                /** Format: date-time */
                                uploadedAt: string;
                            }[];
                            versions: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                version: number;
                                /** Format: date-time */
                                submittedAt: string;
                                submittedBy: string | null;
                                late: boolean;
                                rows: {
                                    code: string;
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    facilityId: string | null;
                                    /** @description Значения по полям отчёта (десятичные строки; null — не заполнено) */
                                    values: {
                                        [key: string]: string | null;
                                    };
                                }[];
                                pdf: {
                                    url: string;
                                    signatureUrl: string;
                                    code: string;
                                    verifyUrl: string;
                                } | null;
                            }[];
                            can: {
                                edit: boolean;
                                submit: boolean;
                                correct: boolean;
                                correctionNeedsConsent: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sites/{id}/boundary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Граница объекта (геозона для рейсов по данным трекеров) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            name: string;
                            boundary: (never | null) | ({
                                /** @enum {string} */
                                type: "Polygon";
                                coordinates: number[][][];
                            } | {
                                /** @enum {string} */
                                type: "MultiPolygon";
                                coordinates: number[][][][];
                            });
                            version: number;
                            /** @description Может ли пользователь менять границу */
                            editable: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Задать границу объекта (нарисованную или из файла GeoJSON) или убрать её
         * @description Принимает Polygon или MultiPolygon в WGS 84 (или Feature / FeatureCollection из одного объекта): контуры замкнуты, не менее 4 точек, долгота −180…180, широта −90…90. Изменение попадает в историю объекта. Принимает Idempotency-Key.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description GeoJSON Polygon или MultiPolygon (также Feature или FeatureCollection из одного объекта) в WGS 84; null — убрать границу */
                        boundary: {
                            [key: string]: unknown;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            version: number;
                            boundary: (never | null) | ({
                                /** @enum {string} */
                                type: "Polygon";
                                coordinates: number[][][];
                            } | {
                                /** @enum {string} */
                                type: "MultiPolygon";
                                coordinates: number[][][][];
                            });
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/facilities/{id}/boundary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Граница объекта (геозона для рейсов по данным трекеров) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            name: string;
                            boundary: (never | null) | ({
                                /** @enum {string} */
                                type: "Polygon";
                                coordinates: number[][][];
                            } | {
                                /** @enum {string} */
                                type: "MultiPolygon";
                                coordinates: number[][][][];
                            });
                            version: number;
                            /** @description Может ли пользователь менять границу */
                            editable: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Задать границу объекта (нарисованную или из файла GeoJSON) или убрать её
         * @description Принимает Polygon или MultiPolygon в WGS 84 (или Feature / FeatureCollection из одного объекта): контуры замкнуты, не менее 4 точек, долгота −180…180, широта −90…90. Изменение попадает в историю объекта. Принимает Idempotency-Key.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description GeoJSON Polygon или MultiPolygon (также Feature или FeatureCollection из одного объекта) в WGS 84; null — убрать границу */
                        boundary: {
                            [key: string]: unknown;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            version: number;
                            boundary: (never | null) | ({
                                /** @enum {string} */
                                type: "Polygon";
                                coordinates: number[][][];
                            } | {
                                /** @enum {string} */
                                type: "MultiPolygon";
                                coordinates: number[][][][];
                            });
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/telemetry/detections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Рейсы по данным трекеров и что с ними стало: сформирован, подтверждён заявленный, на проверке
         * @description Перевозчик видит рейсы своих ТС, образователь — со своих объектов, объект приёма — на свои объекты, оператор — все.
         */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    outcome?: "recorded" | "linked" | "review";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description trip — кузов поднят на объекте приёма; dump_outside — вне объектов приёма */
                                kind: "trip" | "dump_outside";
                                /** @description recorded — рейс сформирован по данным трекера; linked — подтверждён заявленный перевозчиком рейс; review — случай на проверке */
                                outcome: "recorded" | "linked" | "review";
                                carrierName: string;
                                plate: string;
                                siteName: string;
                                facilityName: string | null;
                                /**
                                 * Format: date-time
                                 * @description Выезд с объекта образования
                                 */
                                loadedAt: string;
                                /**
                                 * Format: date-time
                                 * @description Подъём кузова
                                 */
                                unloadedAt: string;
                                distanceKm: number | null;
                                tripId: number | null;
                                /** @description Источник связанного рейса: telemetry — сформирован по трекеру; api, upload — заявлен перевозчиком */
                                tripSource: string | null;
                                /** @description Открытых случаев на проверке */
                                openReviews: number;
                                /** @description Причины постановки на проверку */
                                reasons: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/telemetry/detections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Рейс по данным трекера: трек (для карты) и границы объекта образования и объекта приёма */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description trip — кузов поднят на объекте приёма; dump_outside — вне объектов приёма */
                            kind: "trip" | "dump_outside";
                            /** @description recorded — рейс сформирован по данным трекера; linked — подтверждён заявленный перевозчиком рейс; review — случай на проверке */
                            outcome: "recorded" | "linked" | "review";
                            carrierName: string;
                            plate: string;
                            siteName: string;
                            facilityName: string | null;
                            /**
                             * Format: date-time
                             * @description Выезд с объекта образования
                             */
                            loadedAt: string;
                            /**
                             * Format: date-time
                             * @description Подъём кузова
                             */
                            unloadedAt: string;
                            distanceKm: number | null;
                            tripId: number | null;
                            /** @description Источник связанного рейса: telemetry — сформирован по трекеру; api, upload — заявлен перевозчиком */
                            tripSource: string | null;
                            /** @description Открытых случаев на проверке */
                            openReviews: number;
                            /** @description Причины постановки на проверку */
                            reasons: string[];
                        } & {
                            track: {
                                longitude: number;
                                latitude: number;
                                /** Format: date-time */
                                at: string;
                                bodyRaised: boolean | null;
                            }[];
                            unloadLatitude: number;
                            unloadLongitude: number;
                            siteBoundary: (never | null) | ({
                                /** @enum {string} */
                                type: "Polygon";
                                coordinates: number[][][];
                            } | {
                                /** @enum {string} */
                                type: "MultiPolygon";
                                coordinates: number[][][][];
                            });
                            facilityBoundary: (never | null) | ({
                                /** @enum {string} */
                                type: "Polygon";
                                coordinates: number[][][];
                            } | {
                                /** @enum {string} */
                                type: "MultiPolygon";
                                coordinates: number[][][][];
                            });
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/telemetry/declared": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Заявленные рейсы, сверенные с треками: подтверждены, не подтверждены треком, нет данных трекера */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    check?: "confirmed" | "unsupported" | "no_data";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                check: "confirmed" | "unsupported" | "no_data";
                                plate: string;
                                siteName: string;
                                facilityName: string;
                                /** Format: date-time */
                                loadedAt: string;
                                /** Format: date-time */
                                unloadedAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                            counts: {
                                confirmed: number;
                                unsupported: number;
                                no_data: number;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/telemetry/unknown-terminals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Неизвестные терминалы: присылают данные, но не указаны ни у одного транспортного средства (данные сохранены) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Номер терминала (идентификатор EGTS или IMEI) */
                                terminal: string;
                                /** @description egts или wialon */
                                protocol: string;
                                /** Format: date-time */
                                firstSeen: string;
                                /** Format: date-time */
                                lastSeen: string;
                                /** @description Сколько точек принято и хранится */
                                points: number;
                                lastLatitude: number | null;
                                lastLongitude: number | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/telemetry/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Случаи на проверку: рейсы по данным трекеров, которые не удалось сформировать или которые расходятся с заявленными (перевозчик видит свои ТС) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "open" | "dismissed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description dump_outside, no_permit, ambiguous_permit, rejected, facility_differs, no_volume */
                                reasonCode: string;
                                /** @description Причина, по-русски */
                                reason: string;
                                status: "open" | "dismissed";
                                /** @description trip — кузов поднят на объекте приёма; dump_outside — вне объектов приёма */
                                kind: "trip" | "dump_outside";
                                carrierName: string;
                                plate: string;
                                /** @description Объект образования, где ТС загрузилось */
                                siteName: string;
                                facilityName: string | null;
                                /**
                                 * Format: date-time
                                 * @description Выезд с объекта образования
                                 */
                                loadedAt: string;
                                /**
                                 * Format: date-time
                                 * @description Подъём кузова
                                 */
                                unloadedAt: string;
                                /** @description Где поднят кузов */
                                latitude: number;
                                longitude: number;
                                distanceKm: number | null;
                                /** @description Рейс, с которым связан случай */
                                tripId: number | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dismissedAt: string | null;
                                dismissReason: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/telemetry/reviews/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Закрыть случай с указанием причины (оператор) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Причина */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "dismissed";
                            /** Format: date-time */
                            dismissedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tariffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Тарифы объекта приёма (по кодам ФККО, за м³ или за т, без НДС) */
        get: {
            parameters: {
                query?: {
                    wasteCode?: string;
                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                    at?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                wasteCode: string;
                                wasteName: string;
                                /** @description m3 — за м³, t — за т */
                                unit: "m3" | "t";
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                price: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string | null;
                                /** @description Действует сегодня */
                                current: boolean;
                                /** @description Рейсов с начислением по тарифу */
                                charges: number;
                                /** @description Из них включено в акты */
                                billed: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Установить тариф: код ФККО, единица, цена без НДС, срок действия
         * @description Периоды тарифов одного кода и единицы не пересекаются (409 tariff_overlap). Начисления, ещё не включённые в акты, пересчитываются.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Код ФККО (11 цифр) */
                        wasteCode: string;
                        /** @description m3 или t */
                        unit: string;
                        /** @description Сумма, ₽: «1234,56» или 1234.56 (не более 2 знаков после запятой) */
                        price: string | number;
                        /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                        validFrom: string;
                        /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                        validTo?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            wasteCode: string;
                            wasteName: string;
                            /** @description m3 — за м³, t — за т */
                            unit: "m3" | "t";
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            price: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            validFrom: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            validTo: string | null;
                            /** @description Действует сегодня */
                            current: boolean;
                            /** @description Рейсов с начислением по тарифу */
                            charges: number;
                            /** @description Из них включено в акты */
                            billed: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tariffs/applicable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Тарифы, которые применяются к организации: объектов приёма из её разрешений, по кодам ФККО разрешений (действующие и будущие) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                facility: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                };
                                wasteCode: string;
                                wasteName: string;
                                /** @description m3 — за м³, t — за т */
                                unit: "m3" | "t";
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                price: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string | null;
                                current: boolean;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tariffs/{id}/period": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Изменить срок действия тарифа (например, завершить его) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                        validFrom: string;
                        /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                        validTo?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            wasteCode: string;
                            wasteName: string;
                            /** @description m3 — за м³, t — за т */
                            unit: "m3" | "t";
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            price: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            validFrom: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            validTo: string | null;
                            /** @description Действует сегодня */
                            current: boolean;
                            /** @description Рейсов с начислением по тарифу */
                            charges: number;
                            /** @description Из них включено в акты */
                            billed: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tariffs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Удалить ошибочно введённый тариф (пока по нему нет актов) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deleted: boolean;
                            repriced: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vat-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ставки НДС и сроки их действия */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string | null;
                                rate: string;
                                label: string;
                                note: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Ставка НДС с даты (оператор): действует до даты следующей ставки */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                        validFrom: string;
                        /** @description Ставка, %: «22» или «22,00» */
                        rate: string;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validFrom: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                validTo: string | null;
                                rate: string;
                                label: string;
                                note: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/charges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Начисления за принятые рейсы (объекту — по его тарифам; плательщику — его), в т.ч. рейсы без тарифа */
        get: {
            parameters: {
                query?: {
                    /** @description Месяц ГГГГ-ММ */
                    month?: string;
                    status?: "priced" | "no_tariff";
                    billed?: boolean;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                tripId: number;
                                /** Format: date-time */
                                unloadedAt: string;
                                permitNumber: string;
                                wasteCode: string;
                                /** @description priced — начислено по тарифу, no_tariff — тарифа на дату выгрузки нет */
                                status: "priced" | "no_tariff";
                                unit: (never | null) | ("m3" | "t");
                                quantity: string | null;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                price: string | null;
                                /** @description Сумма без НДС, ₽ */
                                amount: string | null;
                                vatRate: string | null;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                actId: string | null;
                                actNumber: string | null;
                                facility: string;
                                payer: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        } & {
                            summary: {
                                priced: number;
                                withoutTariff: number;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                amount: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/acts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Акты оказанных услуг: составленные объектом приёма или выставленные организации */
        get: {
            parameters: {
                query?: {
                    /** @description Месяц ГГГГ-ММ */
                    month?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                month: string;
                                monthText: string;
                                /** @description 1 — основной акт за месяц, 2… — дополнительные */
                                seq: number;
                                status: "queued" | "ready" | "failed";
                                failure: string | null;
                                facility: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                };
                                payer: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                };
                                loads: number;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                net: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                vat: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                total: string;
                                /** @description Код проверки в реестре документов */
                                code: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                invoice: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    number: string;
                                } | null;
                                files: {
                                    kind: "pdf" | "xlsx" | "pdf.sig" | "xlsx.sig";
                                    bytes: number | null;
                                }[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Составить акты оказанных услуг за закончившийся месяц (по акту и счёту на каждого плательщика)
         * @description Файлы акта (PDF и XLSX с подписью) формируются в фоне. Рейсы без тарифа в акт не входят: их число — в ответе.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Месяц ГГГГ-ММ */
                        month: string;
                        /**
                         * Format: uuid
                         * @description Идентификатор (UUID)
                         */
                        payerId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acts: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                payerId: string;
                                loads: number;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                net: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                vat: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                total: string;
                            }[];
                            /** @description Принятых рейсов месяца без тарифа (не включены) */
                            withoutTariff: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/acts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Акт оказанных услуг */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            month: string;
                            monthText: string;
                            /** @description 1 — основной акт за месяц, 2… — дополнительные */
                            seq: number;
                            status: "queued" | "ready" | "failed";
                            failure: string | null;
                            facility: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            payer: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            loads: number;
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            net: string;
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            vat: string;
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            total: string;
                            /** @description Код проверки в реестре документов */
                            code: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            invoice: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                            } | null;
                            files: {
                                kind: "pdf" | "xlsx" | "pdf.sig" | "xlsx.sig";
                                bytes: number | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/acts/{id}/files/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Файл акта: PDF, XLSX или их подписи (.sig, CMS DER) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    kind: "pdf" | "xlsx" | "pdf.sig" | "xlsx.sig";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Файл */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Счета: выставленные объектом приёма (owed — что ему должны) или организации (owing — что она должна и оплатила) */
        get: {
            parameters: {
                query?: {
                    side?: "owed" | "owing";
                    /** @description open — ожидает оплаты, partly_paid — оплачен частично, paid — оплачен, overdue — просрочен */
                    state?: "open" | "partly_paid" | "paid" | "overdue";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                issuedOn: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                dueOn: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                net: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                vat: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                total: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                paid: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                due: string;
                                /** @description open — ожидает оплаты, partly_paid — оплачен частично, paid — оплачен, overdue — просрочен */
                                state: "open" | "partly_paid" | "paid" | "overdue";
                                stateText: string;
                                act: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    number: string;
                                    month: string;
                                };
                                facility: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                };
                                payer: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                };
                                /** @description Подписанный PDF счёта: queued — формируется, ready — готов, failed — не сформирован */
                                fileStatus: "queued" | "ready" | "failed";
                                /** @description Код проверки счёта в реестре документов */
                                code: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        } & {
                            summary: {
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                invoiced: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                paid: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                due: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                overdue: string;
                                overdueInvoices: number;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Счёт с платежами по нему */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            issuedOn: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            dueOn: string;
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            net: string;
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            vat: string;
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            total: string;
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            paid: string;
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            due: string;
                            /** @description open — ожидает оплаты, partly_paid — оплачен частично, paid — оплачен, overdue — просрочен */
                            state: "open" | "partly_paid" | "paid" | "overdue";
                            stateText: string;
                            act: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                month: string;
                            };
                            facility: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            payer: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            /** @description Подписанный PDF счёта: queued — формируется, ready — готов, failed — не сформирован */
                            fileStatus: "queued" | "ready" | "failed";
                            /** @description Код проверки счёта в реестре документов */
                            code: string | null;
                        } & {
                            payments: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                docNumber: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                docDate: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                amount: string;
                                source: "manual" | "bank";
                                match: "auto" | "manual";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/files/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Счёт на оплату: подписанный PDF или его подпись (.sig, CMS DER) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    kind: "pdf" | "pdf.sig";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Файл */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Платежи, поступившие объекту приёма (вручную и из банковских выписок), с сопоставлением счетам */
        get: {
            parameters: {
                query?: {
                    /** @description auto — сопоставлен автоматически, manual — вручную, unmatched — ждёт сопоставления, ignored — не относится к счетам */
                    match?: "auto" | "manual" | "unmatched" | "ignored";
                    /** @description Только поступления из этой выписки (результат загрузки по строкам) */
                    importId?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                source: "manual" | "bank";
                                docNumber: string;
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                docDate: string;
                                payerInn: string | null;
                                payerName: string | null;
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                payerId: string | null;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                amount: string;
                                purpose: string;
                                /** @description auto — сопоставлен автоматически, manual — вручную, unmatched — ждёт сопоставления, ignored — не относится к счетам */
                                match: "auto" | "manual" | "unmatched" | "ignored";
                                matchNote: string | null;
                                invoice: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    number: string;
                                } | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        } & {
                            /** @description Ждут сопоставления */
                            unmatched: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Записать платёж вручную (к указанному счёту или с автоматическим сопоставлением) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ИНН плательщика */
                        payerInn: string;
                        payerName?: string | null;
                        /** @description Сумма, ₽ */
                        amount: string | number;
                        /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                        paidOn: string;
                        /** @description Номер платёжного документа */
                        docNumber: string;
                        purpose?: string | null;
                        /**
                         * Format: uuid
                         * @description Идентификатор (UUID)
                         */
                        invoiceId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            source: "manual" | "bank";
                            docNumber: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            docDate: string;
                            payerInn: string | null;
                            payerName: string | null;
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            payerId: string | null;
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            amount: string;
                            purpose: string;
                            /** @description auto — сопоставлен автоматически, manual — вручную, unmatched — ждёт сопоставления, ignored — не относится к счетам */
                            match: "auto" | "manual" | "unmatched" | "ignored";
                            matchNote: string | null;
                            invoice: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                            } | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Сопоставить платёж со счётом (invoiceId), отменить сопоставление (null) или отметить «не относится к счетам» (ignore) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Идентификатор (UUID)
                         */
                        invoiceId?: string | null;
                        ignore?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            source: "manual" | "bank";
                            docNumber: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            docDate: string;
                            payerInn: string | null;
                            payerName: string | null;
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            payerId: string | null;
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            amount: string;
                            purpose: string;
                            /** @description auto — сопоставлен автоматически, manual — вручную, unmatched — ждёт сопоставления, ignored — не относится к счетам */
                            match: "auto" | "manual" | "unmatched" | "ignored";
                            matchNote: string | null;
                            invoice: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                            } | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/bank-statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Загрузить банковскую выписку 1С «ClientBankExchange» (Windows-1251 или DOS): поступления сопоставляются со счетами
         * @description Повторная загрузка той же выписки ничего не меняет: документ банка — номер, дата и счёт плательщика. Форма и ограничения — как у POST /api/uploads.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            fileName: string;
                            encoding: string;
                            account: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            from: string | null;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            to: string | null;
                            /** @description Документов в выписке */
                            documents: number;
                            /** @description Новых поступлений */
                            added: number;
                            /** @description Уже загруженных раньше */
                            duplicates: number;
                            /** @description Списаний и чужих документов (пропущены) */
                            outgoing: number;
                            matched: number;
                            unmatched: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Акт сверки взаимных расчётов за период с контрагентом (объект приёма ↔ заказчик) */
        get: {
            parameters: {
                query: {
                    /** @description Идентификатор (UUID) */
                    counterpartyId: string;
                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                    from: string;
                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            from: string;
                            /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                            to: string;
                            facility: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            payer: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            };
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            opening: string;
                            lines: {
                                /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                                date: string;
                                kind: "invoice" | "payment";
                                document: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                debit: string;
                                /** @description Сумма, ₽ (точное десятичное, копейки) */
                                credit: string;
                            }[];
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            debit: string;
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            credit: string;
                            /** @description Сумма, ₽ (точное десятичное, копейки) */
                            closing: string;
                            closingText: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reconciliation/counterparties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** С кем есть расчёты: организации, с которыми у вашей есть счета или платежи (для акта сверки) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reconciliation/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Акт сверки в XLSX */
        get: {
            parameters: {
                query: {
                    /** @description Идентификатор (UUID) */
                    counterpartyId: string;
                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                    from: string;
                    /** @description Дата ГГГГ-ММ-ДД (Europe/Moscow) */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Файл XLSX */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Аналитика: объёмы по месяцам, кодам ФККО, объектам приёма и перевозчикам, приёмка, использование разрешений (оператору — по округам и организациям)
         * @description Считается по итогам рейсов (trip_totals) в пределах видимости организации.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Первый месяц, ГГГГ-ММ (по умолчанию — 11 месяцев до последнего) */
                    from?: string;
                    /** @description Последний месяц, ГГГГ-ММ (по умолчанию — текущий) */
                    to?: string;
                    /** @description Код ФККО */
                    wasteCode?: string;
                    /** @description Идентификатор (UUID) */
                    facilityId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            wasteCode: string | null;
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            facilityId: string | null;
                            totals: {
                                trips: number;
                                volume: string;
                                mass: string;
                                accepted: {
                                    trips: number;
                                    volume: string;
                                };
                                awaiting: {
                                    trips: number;
                                    volume: string;
                                };
                                rejected: {
                                    trips: number;
                                    volume: string;
                                };
                            };
                            byMonth: {
                                month: string;
                                trips: number;
                                volume: string;
                                acceptedVolume: string;
                                acceptedTrips: number;
                                awaitingTrips: number;
                                rejectedTrips: number;
                            }[];
                            byCode: {
                                code: string;
                                name: string;
                                trips: number;
                                volume: string;
                                acceptedVolume: string;
                                mass: string;
                            }[];
                            byFacility: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                trips: number;
                                volume: string;
                                acceptedVolume: string;
                            }[];
                            byCarrier: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                trips: number;
                                volume: string;
                            }[];
                            permits: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                code: string;
                                permitted: string;
                                accepted: string;
                                share: string;
                                /** @description ok; near — 90 % и больше; over — 100 % и больше */
                                state: "ok" | "near" | "over";
                            }[];
                            /** @description Только оператору */
                            byDistrict: {
                                district: string;
                                trips: number;
                                volume: string;
                            }[] | null;
                            /** @description Только оператору: по отходопроизводителям */
                            byOrganization: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                trips: number;
                                volume: string;
                                inn: string;
                            }[] | null;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Аналитика в XLSX (лист на каждую таблицу) */
        get: {
            parameters: {
                query?: {
                    /** @description Первый месяц, ГГГГ-ММ (по умолчанию — 11 месяцев до последнего) */
                    from?: string;
                    /** @description Последний месяц, ГГГГ-ММ (по умолчанию — текущий) */
                    to?: string;
                    /** @description Код ФККО */
                    wasteCode?: string;
                    /** @description Идентификатор (UUID) */
                    facilityId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Файл XLSX */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/houses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Дома организации */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                address: string;
                                cadastralNumber: string;
                                totalArea: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Добавить дом (адрес, кадастровый номер, общая площадь помещений) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address: string;
                        cadastralNumber: string;
                        /** @description Общая площадь помещений дома, м² (до 0,01) */
                        totalArea: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            address: string;
                            cadastralNumber: string;
                            totalArea: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/houses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Изменить дом */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address: string;
                        cadastralNumber: string;
                        /** @description Общая площадь помещений дома, м² (до 0,01) */
                        totalArea: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            address: string;
                            cadastralNumber: string;
                            totalArea: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Собрания: проводимые, проведённые или все */
        get: {
            parameters: {
                query?: {
                    status?: "in_progress" | "completed" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                status: "in_progress" | "completed";
                                kind: "annual" | "extraordinary";
                                form: "in_person" | "absentee" | "mixed";
                                address: string;
                                cadastralNumber: string;
                                /** Format: date-time */
                                startsAt: string | null;
                                /** Format: date-time */
                                endsAt: string | null;
                                stagesDone: number;
                                gisStatus: "none" | "sending" | "loaded" | "error";
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Начать подготовку собрания по дому (в «Моих задачах» появится задача) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Идентификатор (UUID)
                         */
                        houseId: string;
                        kind?: "annual" | "extraordinary";
                        form?: "in_person" | "absentee" | "mixed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Собрание: данные и этапы с отметками о выполнении */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            status: "in_progress" | "completed";
                            house: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                address: string;
                                cadastralNumber: string;
                                totalArea: string;
                            };
                            kind: "annual" | "extraordinary";
                            form: "in_person" | "absentee" | "mixed";
                            electronic: boolean;
                            initiators: string;
                            /** Format: date-time */
                            startsAt: string | null;
                            /** Format: date-time */
                            endsAt: string | null;
                            place: string;
                            ballotsPlace: string;
                            materialsPlace: string;
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                position: number;
                                title: string;
                                proposal: string;
                                majority: "participants" | "more_than_half_all" | "two_thirds_all" | "all";
                            }[];
                            stages: {
                                n: number;
                                key: "notice" | "register" | "ballots" | "counting" | "protocol" | "gis";
                                title: string;
                                done: boolean;
                                /** Format: date-time */
                                doneAt: string | null;
                                available: boolean;
                            }[];
                            notice: {
                                ready: boolean;
                            };
                            documents: {
                                notice: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                ballots: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                protocol: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                            };
                            protocol: {
                                number: string | null;
                                date: string | null;
                                chair: string;
                                secretary: string;
                                counters: string;
                                ready: boolean;
                                /** @description Есть протокол в формате DOCX (для печати и подписи) */
                                docx: boolean;
                                scan: {
                                    name: string;
                                    type: string;
                                    bytes: number;
                                } | null;
                            };
                            gis: {
                                status: "none" | "sending" | "loaded" | "error";
                                error: string | null;
                                messageGuid: string | null;
                                protocolGuid: string | null;
                                company: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                } | null;
                                /** Format: date-time */
                                rightsConfirmedAt: string | null;
                                /** Format: date-time */
                                sentAt: string | null;
                                /** Format: date-time */
                                stateAt: string | null;
                                /** @description Обмен идёт с симулятором ГИС ЖКХ, а не с настоящей ГИС ЖКХ */
                                simulator: boolean;
                                fiasHouseGuid: string | null;
                            };
                            /** Format: date-time */
                            completedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Этап 1: сообщение о проведении собрания и повестка дня */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind: "annual" | "extraordinary";
                        form: "in_person" | "absentee" | "mixed";
                        electronic: boolean;
                        initiators: string;
                        /** Format: date-time */
                        startsAt: string | null;
                        /** Format: date-time */
                        endsAt: string | null;
                        place: string;
                        ballotsPlace: string;
                        materialsPlace: string;
                        items: {
                            title: string;
                            proposal?: string;
                            majority: "participants" | "more_than_half_all" | "two_thirds_all" | "all";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            status: "in_progress" | "completed";
                            house: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                address: string;
                                cadastralNumber: string;
                                totalArea: string;
                            };
                            kind: "annual" | "extraordinary";
                            form: "in_person" | "absentee" | "mixed";
                            electronic: boolean;
                            initiators: string;
                            /** Format: date-time */
                            startsAt: string | null;
                            /** Format: date-time */
                            endsAt: string | null;
                            place: string;
                            ballotsPlace: string;
                            materialsPlace: string;
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                position: number;
                                title: string;
                                proposal: string;
                                majority: "participants" | "more_than_half_all" | "two_thirds_all" | "all";
                            }[];
                            stages: {
                                n: number;
                                key: "notice" | "register" | "ballots" | "counting" | "protocol" | "gis";
                                title: string;
                                done: boolean;
                                /** Format: date-time */
                                doneAt: string | null;
                                available: boolean;
                            }[];
                            notice: {
                                ready: boolean;
                            };
                            documents: {
                                notice: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                ballots: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                protocol: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                            };
                            protocol: {
                                number: string | null;
                                date: string | null;
                                chair: string;
                                secretary: string;
                                counters: string;
                                ready: boolean;
                                /** @description Есть протокол в формате DOCX (для печати и подписи) */
                                docx: boolean;
                                scan: {
                                    name: string;
                                    type: string;
                                    bytes: number;
                                } | null;
                            };
                            gis: {
                                status: "none" | "sending" | "loaded" | "error";
                                error: string | null;
                                messageGuid: string | null;
                                protocolGuid: string | null;
                                company: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                } | null;
                                /** Format: date-time */
                                rightsConfirmedAt: string | null;
                                /** Format: date-time */
                                sentAt: string | null;
                                /** Format: date-time */
                                stateAt: string | null;
                                /** @description Обмен идёт с симулятором ГИС ЖКХ, а не с настоящей ГИС ЖКХ */
                                simulator: boolean;
                                fiasHouseGuid: string | null;
                            };
                            /** Format: date-time */
                            completedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/stages/{stage}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Отметить этап выполненным или снять отметку
         * @description Этап отмечается после предыдущего и когда его данные полны (иначе 409 с перечнем недостающего в `blockers`). Отметку снимают, пока следующий этап не отмечен.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    stage: "notice" | "register" | "ballots" | "counting" | "protocol" | "gis";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        done: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            status: "in_progress" | "completed";
                            house: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                address: string;
                                cadastralNumber: string;
                                totalArea: string;
                            };
                            kind: "annual" | "extraordinary";
                            form: "in_person" | "absentee" | "mixed";
                            electronic: boolean;
                            initiators: string;
                            /** Format: date-time */
                            startsAt: string | null;
                            /** Format: date-time */
                            endsAt: string | null;
                            place: string;
                            ballotsPlace: string;
                            materialsPlace: string;
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                position: number;
                                title: string;
                                proposal: string;
                                majority: "participants" | "more_than_half_all" | "two_thirds_all" | "all";
                            }[];
                            stages: {
                                n: number;
                                key: "notice" | "register" | "ballots" | "counting" | "protocol" | "gis";
                                title: string;
                                done: boolean;
                                /** Format: date-time */
                                doneAt: string | null;
                                available: boolean;
                            }[];
                            notice: {
                                ready: boolean;
                            };
                            documents: {
                                notice: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                ballots: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                protocol: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                            };
                            protocol: {
                                number: string | null;
                                date: string | null;
                                chair: string;
                                secretary: string;
                                counters: string;
                                ready: boolean;
                                /** @description Есть протокол в формате DOCX (для печати и подписи) */
                                docx: boolean;
                                scan: {
                                    name: string;
                                    type: string;
                                    bytes: number;
                                } | null;
                            };
                            gis: {
                                status: "none" | "sending" | "loaded" | "error";
                                error: string | null;
                                messageGuid: string | null;
                                protocolGuid: string | null;
                                company: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                } | null;
                                /** Format: date-time */
                                rightsConfirmedAt: string | null;
                                /** Format: date-time */
                                sentAt: string | null;
                                /** Format: date-time */
                                stateAt: string | null;
                                /** @description Обмен идёт с симулятором ГИС ЖКХ, а не с настоящей ГИС ЖКХ */
                                simulator: boolean;
                                fiasHouseGuid: string | null;
                            };
                            /** Format: date-time */
                            completedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** «Собрание проведено»: после загрузки протокола в ГИС ЖКХ */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            status: "in_progress" | "completed";
                            house: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                address: string;
                                cadastralNumber: string;
                                totalArea: string;
                            };
                            kind: "annual" | "extraordinary";
                            form: "in_person" | "absentee" | "mixed";
                            electronic: boolean;
                            initiators: string;
                            /** Format: date-time */
                            startsAt: string | null;
                            /** Format: date-time */
                            endsAt: string | null;
                            place: string;
                            ballotsPlace: string;
                            materialsPlace: string;
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                position: number;
                                title: string;
                                proposal: string;
                                majority: "participants" | "more_than_half_all" | "two_thirds_all" | "all";
                            }[];
                            stages: {
                                n: number;
                                key: "notice" | "register" | "ballots" | "counting" | "protocol" | "gis";
                                title: string;
                                done: boolean;
                                /** Format: date-time */
                                doneAt: string | null;
                                available: boolean;
                            }[];
                            notice: {
                                ready: boolean;
                            };
                            documents: {
                                notice: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                ballots: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                protocol: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                            };
                            protocol: {
                                number: string | null;
                                date: string | null;
                                chair: string;
                                secretary: string;
                                counters: string;
                                ready: boolean;
                                /** @description Есть протокол в формате DOCX (для печати и подписи) */
                                docx: boolean;
                                scan: {
                                    name: string;
                                    type: string;
                                    bytes: number;
                                } | null;
                            };
                            gis: {
                                status: "none" | "sending" | "loaded" | "error";
                                error: string | null;
                                messageGuid: string | null;
                                protocolGuid: string | null;
                                company: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                } | null;
                                /** Format: date-time */
                                rightsConfirmedAt: string | null;
                                /** Format: date-time */
                                sentAt: string | null;
                                /** Format: date-time */
                                stateAt: string | null;
                                /** @description Обмен идёт с симулятором ГИС ЖКХ, а не с настоящей ГИС ЖКХ */
                                simulator: boolean;
                                fiasHouseGuid: string | null;
                            };
                            /** Format: date-time */
                            completedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/documents/{doc}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Сформировать сообщение о собрании или бюллетени (PDF с подписью, в фоне)
         * @description Документ формируется в фоне: статус в `documents` собрания (queued → ready или failed с причиной). Каждое формирование — новая запись реестра выданных документов со своим кодом проверки.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    doc: "notice" | "ballots";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            status: "in_progress" | "completed";
                            house: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                address: string;
                                cadastralNumber: string;
                                totalArea: string;
                            };
                            kind: "annual" | "extraordinary";
                            form: "in_person" | "absentee" | "mixed";
                            electronic: boolean;
                            initiators: string;
                            /** Format: date-time */
                            startsAt: string | null;
                            /** Format: date-time */
                            endsAt: string | null;
                            place: string;
                            ballotsPlace: string;
                            materialsPlace: string;
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                position: number;
                                title: string;
                                proposal: string;
                                majority: "participants" | "more_than_half_all" | "two_thirds_all" | "all";
                            }[];
                            stages: {
                                n: number;
                                key: "notice" | "register" | "ballots" | "counting" | "protocol" | "gis";
                                title: string;
                                done: boolean;
                                /** Format: date-time */
                                doneAt: string | null;
                                available: boolean;
                            }[];
                            notice: {
                                ready: boolean;
                            };
                            documents: {
                                notice: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                ballots: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                protocol: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                            };
                            protocol: {
                                number: string | null;
                                date: string | null;
                                chair: string;
                                secretary: string;
                                counters: string;
                                ready: boolean;
                                /** @description Есть протокол в формате DOCX (для печати и подписи) */
                                docx: boolean;
                                scan: {
                                    name: string;
                                    type: string;
                                    bytes: number;
                                } | null;
                            };
                            gis: {
                                status: "none" | "sending" | "loaded" | "error";
                                error: string | null;
                                messageGuid: string | null;
                                protocolGuid: string | null;
                                company: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                } | null;
                                /** Format: date-time */
                                rightsConfirmedAt: string | null;
                                /** Format: date-time */
                                sentAt: string | null;
                                /** Format: date-time */
                                stateAt: string | null;
                                /** @description Обмен идёт с симулятором ГИС ЖКХ, а не с настоящей ГИС ЖКХ */
                                simulator: boolean;
                                fiasHouseGuid: string | null;
                            };
                            /** Format: date-time */
                            completedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/protocol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Этап 5: сформировать протокол собрания (PDF, подписанный электронной подписью, в фоне)
         * @description После этапа подсчёта голосов. Председатель и секретарь обязательны. Протокол, сформированный заново, аннулирует прежний в реестре выданных документов.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        chair: string;
                        secretary: string;
                        counters: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            status: "in_progress" | "completed";
                            house: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                address: string;
                                cadastralNumber: string;
                                totalArea: string;
                            };
                            kind: "annual" | "extraordinary";
                            form: "in_person" | "absentee" | "mixed";
                            electronic: boolean;
                            initiators: string;
                            /** Format: date-time */
                            startsAt: string | null;
                            /** Format: date-time */
                            endsAt: string | null;
                            place: string;
                            ballotsPlace: string;
                            materialsPlace: string;
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                position: number;
                                title: string;
                                proposal: string;
                                majority: "participants" | "more_than_half_all" | "two_thirds_all" | "all";
                            }[];
                            stages: {
                                n: number;
                                key: "notice" | "register" | "ballots" | "counting" | "protocol" | "gis";
                                title: string;
                                done: boolean;
                                /** Format: date-time */
                                doneAt: string | null;
                                available: boolean;
                            }[];
                            notice: {
                                ready: boolean;
                            };
                            documents: {
                                notice: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                ballots: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                protocol: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                            };
                            protocol: {
                                number: string | null;
                                date: string | null;
                                chair: string;
                                secretary: string;
                                counters: string;
                                ready: boolean;
                                /** @description Есть протокол в формате DOCX (для печати и подписи) */
                                docx: boolean;
                                scan: {
                                    name: string;
                                    type: string;
                                    bytes: number;
                                } | null;
                            };
                            gis: {
                                status: "none" | "sending" | "loaded" | "error";
                                error: string | null;
                                messageGuid: string | null;
                                protocolGuid: string | null;
                                company: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                } | null;
                                /** Format: date-time */
                                rightsConfirmedAt: string | null;
                                /** Format: date-time */
                                sentAt: string | null;
                                /** Format: date-time */
                                stateAt: string | null;
                                /** @description Обмен идёт с симулятором ГИС ЖКХ, а не с настоящей ГИС ЖКХ */
                                simulator: boolean;
                                fiasHouseGuid: string | null;
                            };
                            /** Format: date-time */
                            completedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/documents/{doc}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Файл документа собрания: PDF, его открепленная подпись (.sig, CMS DER) или — для протокола — DOCX для печати и подписи */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    doc: "notice" | "ballots" | "protocol";
                    file: "pdf" | "sig" | "docx";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/gis/rights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Этап 6: «Выбор компании» и «Подтвердить» — права доступа к ГИС ЖКХ от имени выбранной управляющей организации (симулятор ГИС ЖКХ)
         * @description Компания — одна из управляющих организаций, за которые действует пользователь (GET …/gis/companies); без `companyId` — организация, за которую он действует сейчас.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Идентификатор (UUID)
                         */
                        companyId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            status: "in_progress" | "completed";
                            house: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                address: string;
                                cadastralNumber: string;
                                totalArea: string;
                            };
                            kind: "annual" | "extraordinary";
                            form: "in_person" | "absentee" | "mixed";
                            electronic: boolean;
                            initiators: string;
                            /** Format: date-time */
                            startsAt: string | null;
                            /** Format: date-time */
                            endsAt: string | null;
                            place: string;
                            ballotsPlace: string;
                            materialsPlace: string;
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                position: number;
                                title: string;
                                proposal: string;
                                majority: "participants" | "more_than_half_all" | "two_thirds_all" | "all";
                            }[];
                            stages: {
                                n: number;
                                key: "notice" | "register" | "ballots" | "counting" | "protocol" | "gis";
                                title: string;
                                done: boolean;
                                /** Format: date-time */
                                doneAt: string | null;
                                available: boolean;
                            }[];
                            notice: {
                                ready: boolean;
                            };
                            documents: {
                                notice: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                ballots: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                protocol: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                            };
                            protocol: {
                                number: string | null;
                                date: string | null;
                                chair: string;
                                secretary: string;
                                counters: string;
                                ready: boolean;
                                /** @description Есть протокол в формате DOCX (для печати и подписи) */
                                docx: boolean;
                                scan: {
                                    name: string;
                                    type: string;
                                    bytes: number;
                                } | null;
                            };
                            gis: {
                                status: "none" | "sending" | "loaded" | "error";
                                error: string | null;
                                messageGuid: string | null;
                                protocolGuid: string | null;
                                company: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                } | null;
                                /** Format: date-time */
                                rightsConfirmedAt: string | null;
                                /** Format: date-time */
                                sentAt: string | null;
                                /** Format: date-time */
                                stateAt: string | null;
                                /** @description Обмен идёт с симулятором ГИС ЖКХ, а не с настоящей ГИС ЖКХ */
                                simulator: boolean;
                                fiasHouseGuid: string | null;
                            };
                            /** Format: date-time */
                            completedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/gis/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Этап 6: «Выбор компании» — управляющие организации, от имени которых пользователь вправе загрузить протокол (с ИНН) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                inn: string;
                                current: boolean;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/protocol/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Скачать приложенный скан протокола */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /**
         * Этап 6: приложить подписанный организацией скан протокола (multipart, поле «file»; PDF, RTF, DOC, DOCX, XLS, XLSX, JPEG, JPG, TIFF до 50 МБ; тип определяется по содержимому)
         * @description После того как протокол сформирован и до отправки в ГИС ЖКХ; новый файл заменяет прежний. Скан отправляется в ГИС ЖКХ вместе с протоколом.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            status: "in_progress" | "completed";
                            house: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                address: string;
                                cadastralNumber: string;
                                totalArea: string;
                            };
                            kind: "annual" | "extraordinary";
                            form: "in_person" | "absentee" | "mixed";
                            electronic: boolean;
                            initiators: string;
                            /** Format: date-time */
                            startsAt: string | null;
                            /** Format: date-time */
                            endsAt: string | null;
                            place: string;
                            ballotsPlace: string;
                            materialsPlace: string;
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                position: number;
                                title: string;
                                proposal: string;
                                majority: "participants" | "more_than_half_all" | "two_thirds_all" | "all";
                            }[];
                            stages: {
                                n: number;
                                key: "notice" | "register" | "ballots" | "counting" | "protocol" | "gis";
                                title: string;
                                done: boolean;
                                /** Format: date-time */
                                doneAt: string | null;
                                available: boolean;
                            }[];
                            notice: {
                                ready: boolean;
                            };
                            documents: {
                                notice: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                ballots: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                protocol: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                            };
                            protocol: {
                                number: string | null;
                                date: string | null;
                                chair: string;
                                secretary: string;
                                counters: string;
                                ready: boolean;
                                /** @description Есть протокол в формате DOCX (для печати и подписи) */
                                docx: boolean;
                                scan: {
                                    name: string;
                                    type: string;
                                    bytes: number;
                                } | null;
                            };
                            gis: {
                                status: "none" | "sending" | "loaded" | "error";
                                error: string | null;
                                messageGuid: string | null;
                                protocolGuid: string | null;
                                company: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                } | null;
                                /** Format: date-time */
                                rightsConfirmedAt: string | null;
                                /** Format: date-time */
                                sentAt: string | null;
                                /** Format: date-time */
                                stateAt: string | null;
                                /** @description Обмен идёт с симулятором ГИС ЖКХ, а не с настоящей ГИС ЖКХ */
                                simulator: boolean;
                                fiasHouseGuid: string | null;
                            };
                            /** Format: date-time */
                            completedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Этап 6: «Удалить файл» — убрать приложенный скан протокола */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            status: "in_progress" | "completed";
                            house: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                address: string;
                                cadastralNumber: string;
                                totalArea: string;
                            };
                            kind: "annual" | "extraordinary";
                            form: "in_person" | "absentee" | "mixed";
                            electronic: boolean;
                            initiators: string;
                            /** Format: date-time */
                            startsAt: string | null;
                            /** Format: date-time */
                            endsAt: string | null;
                            place: string;
                            ballotsPlace: string;
                            materialsPlace: string;
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                position: number;
                                title: string;
                                proposal: string;
                                majority: "participants" | "more_than_half_all" | "two_thirds_all" | "all";
                            }[];
                            stages: {
                                n: number;
                                key: "notice" | "register" | "ballots" | "counting" | "protocol" | "gis";
                                title: string;
                                done: boolean;
                                /** Format: date-time */
                                doneAt: string | null;
                                available: boolean;
                            }[];
                            notice: {
                                ready: boolean;
                            };
                            documents: {
                                notice: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                ballots: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                protocol: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                            };
                            protocol: {
                                number: string | null;
                                date: string | null;
                                chair: string;
                                secretary: string;
                                counters: string;
                                ready: boolean;
                                /** @description Есть протокол в формате DOCX (для печати и подписи) */
                                docx: boolean;
                                scan: {
                                    name: string;
                                    type: string;
                                    bytes: number;
                                } | null;
                            };
                            gis: {
                                status: "none" | "sending" | "loaded" | "error";
                                error: string | null;
                                messageGuid: string | null;
                                protocolGuid: string | null;
                                company: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                } | null;
                                /** Format: date-time */
                                rightsConfirmedAt: string | null;
                                /** Format: date-time */
                                sentAt: string | null;
                                /** Format: date-time */
                                stateAt: string | null;
                                /** @description Обмен идёт с симулятором ГИС ЖКХ, а не с настоящей ГИС ЖКХ */
                                simulator: boolean;
                                fiasHouseGuid: string | null;
                            };
                            /** Format: date-time */
                            completedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/gis/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Этап 6: загрузить протокол в ГИС ЖКХ (асинхронно; здесь — в симулятор ГИС ЖКХ)
         * @description Статус в `gis.status`: sending («В процессе загрузки») → loaded («Загружен», с GUID протокола в ГИС ЖКХ) или error (с причиной). Запрос повторяется с тем же транспортным GUID, поэтому ГИС ЖКХ видит одно сообщение.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Код дома по ФИАС (GUID), если известен */
                        fiasHouseGuid?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            number: string;
                            status: "in_progress" | "completed";
                            house: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                address: string;
                                cadastralNumber: string;
                                totalArea: string;
                            };
                            kind: "annual" | "extraordinary";
                            form: "in_person" | "absentee" | "mixed";
                            electronic: boolean;
                            initiators: string;
                            /** Format: date-time */
                            startsAt: string | null;
                            /** Format: date-time */
                            endsAt: string | null;
                            place: string;
                            ballotsPlace: string;
                            materialsPlace: string;
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                position: number;
                                title: string;
                                proposal: string;
                                majority: "participants" | "more_than_half_all" | "two_thirds_all" | "all";
                            }[];
                            stages: {
                                n: number;
                                key: "notice" | "register" | "ballots" | "counting" | "protocol" | "gis";
                                title: string;
                                done: boolean;
                                /** Format: date-time */
                                doneAt: string | null;
                                available: boolean;
                            }[];
                            notice: {
                                ready: boolean;
                            };
                            documents: {
                                notice: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                ballots: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                                protocol: {
                                    status: "none" | "queued" | "ready" | "failed";
                                    error: string | null;
                                    ready: boolean;
                                    /** @description Код проверки документа в реестре выданных документов */
                                    code: string | null;
                                    verifyUrl: string | null;
                                    bytes: number | null;
                                };
                            };
                            protocol: {
                                number: string | null;
                                date: string | null;
                                chair: string;
                                secretary: string;
                                counters: string;
                                ready: boolean;
                                /** @description Есть протокол в формате DOCX (для печати и подписи) */
                                docx: boolean;
                                scan: {
                                    name: string;
                                    type: string;
                                    bytes: number;
                                } | null;
                            };
                            gis: {
                                status: "none" | "sending" | "loaded" | "error";
                                error: string | null;
                                messageGuid: string | null;
                                protocolGuid: string | null;
                                company: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    inn: string;
                                } | null;
                                /** Format: date-time */
                                rightsConfirmedAt: string | null;
                                /** Format: date-time */
                                sentAt: string | null;
                                /** Format: date-time */
                                stateAt: string | null;
                                /** @description Обмен идёт с симулятором ГИС ЖКХ, а не с настоящей ГИС ЖКХ */
                                simulator: boolean;
                                fiasHouseGuid: string | null;
                            };
                            /** Format: date-time */
                            completedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Этап 4: итоги голосования — кворум и результаты по каждому вопросу (точный подсчёт по долям площади)
         * @description Голоса в м² (площадь помещения × доля), с точностью до 0,01; проценты до 0,01 — от голосов принявших участие для правила «большинство участвующих», иначе от общего числа голосов. Кворум — более 50 % всех голосов (ч. 3 ст. 45 ЖК РФ).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            totalVotes: string;
                            participatingVotes: string;
                            participatingPercent: string;
                            participants: number;
                            owners: number;
                            quorum: boolean;
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                position: number;
                                title: string;
                                majority: "participants" | "more_than_half_all" | "two_thirds_all" | "all";
                                for: string;
                                against: string;
                                abstain: string;
                                forPercent: string;
                                againstPercent: string;
                                abstainPercent: string;
                                accepted: boolean;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/ballots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Этап 4: собственники с помещением, долей, числом голосов и внесённым решением */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    /** @description Номер помещения или часть имени собственника */
                    q?: string;
                };
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                ownerId: string;
                                name: string;
                                ownerKind: "person" | "legal" | "city";
                                premise: string;
                                area: string;
                                share: string;
                                votes: string;
                                voted: boolean;
                                /** Format: date-time */
                                votedAt: string | null;
                                choices: {
                                    [key: string]: "for" | "against" | "abstain";
                                };
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Этап 4: внести решение собственника (бюллетень) по вопросам повестки дня
         * @description Только собственник из реестра собрания и только один раз: повторное решение того же собственника отклоняется (422, поле `ownerId`), если не указано `replace: true` (исправление ошибки ввода). Вопрос без отметки по бюллетеню не учитывается.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Идентификатор (UUID)
                         */
                        ownerId: string;
                        choices: {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            itemId: string;
                            choice: "for" | "against" | "abstain";
                        }[];
                        replace?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/ballots/{ownerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Этап 4: отменить внесённое решение собственника (ошибка ввода) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    /** @description Идентификатор (UUID) */
                    ownerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Этап 2: реестр собственников (помещения с собственниками) и его проверка */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                number: string;
                                kind: "residential" | "non_residential";
                                area: string;
                                cadastralNumber: string | null;
                                owners: {
                                    /**
                                     * Format: uuid
                                     * @description Идентификатор (UUID)
                                     */
                                    id: string;
                                    name: string;
                                    ownerKind: "person" | "legal" | "city";
                                    ownership: "sole" | "shared" | "joint";
                                    /** @description Доля: 1 или дробь, например 1/2 */
                                    share: string;
                                    inn: string | null;
                                    titleDocument: string;
                                    voted: boolean;
                                }[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                            check: {
                                premises: number;
                                owners: number;
                                houseArea: string;
                                registerArea: string;
                                errors: string[];
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/premises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Добавить помещение с собственниками */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        number: string;
                        kind: "residential" | "non_residential";
                        area: string;
                        cadastralNumber?: string | null;
                        owners: {
                            name: string;
                            ownerKind: "person" | "legal" | "city";
                            ownership: "sole" | "shared" | "joint";
                            share: string;
                            inn?: string | null;
                            titleDocument?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/premises/{premiseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Изменить помещение и его собственников */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    /** @description Идентификатор (UUID) */
                    premiseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        number: string;
                        kind: "residential" | "non_residential";
                        area: string;
                        cadastralNumber?: string | null;
                        owners: {
                            name: string;
                            ownerKind: "person" | "legal" | "city";
                            ownership: "sole" | "shared" | "joint";
                            share: string;
                            inn?: string | null;
                            titleDocument?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Удалить помещение из реестра */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    /** @description Идентификатор (UUID) */
                    premiseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/register/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Загрузить реестр собственников из файла (XLSX или CSV), с файлом результата по строкам
         * @description Одна строка — один собственник; столбцы как в шаблоне (GET /api/meetings/register-template). Реестр собрания заменяется строками, прошедшими проверку; по остальным ответ и файл результата называют строку, столбец и причину. Форма и ограничения — как у POST /api/uploads.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            rows: number;
                            accepted: number;
                            refused: number;
                            results: {
                                row: number;
                                premise: string;
                                accepted: boolean;
                                errors: string[];
                            }[];
                            check: {
                                premises: number;
                                owners: number;
                                houseArea: string;
                                registerArea: string;
                                errors: string[];
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/register/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Загрузки реестра собрания */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                fileName: string;
                                rows: number;
                                accepted: number;
                                refused: number;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/register/imports/{importId}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Файл результата загрузки реестра (XLSX: каждая строка с результатом и причиной) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                    /** @description Идентификатор (UUID) */
                    importId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/register-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Шаблон реестра собственников (XLSX) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meeting-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Шаблоны сообщений организации */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description Идентификатор (UUID)
                                 */
                                id: string;
                                name: string;
                                body: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Добавить шаблон сообщения */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            name: string;
                            body: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meeting-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Изменить шаблон сообщения */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Идентификатор (UUID)
                             */
                            id: string;
                            name: string;
                            body: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Удалить шаблон сообщения */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Идентификатор (UUID) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Личный профиль: ФИО, СНИЛС, почта и телефон, способы входа */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            fullName: string;
                            /** @description СНИЛС в виде 123-456-789 01 — его сообщают руководителю, который приглашает доверенным лицом */
                            snils: string | null;
                            /** @description СНИЛС получен из сертификата электронной подписи при входе (не меняется в профиле) */
                            snilsConfirmed: boolean;
                            email: string | null;
                            emailConfirmed: boolean;
                            /** @description Код отправлен и ещё не введён */
                            emailPending: {
                                /** @description Куда отправлен код */
                                value: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            phone: string | null;
                            phoneConfirmed: boolean;
                            /** @description Код отправлен и ещё не введён */
                            phonePending: {
                                /** @description Куда отправлен код */
                                value: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            /** @description Способы входа */
                            signIn: {
                                password: boolean;
                                secondFactor: boolean;
                                recoveryCodesLeft: number;
                                /** @description Сертификаты электронной подписи, с которыми вы входили */
                                certificates: {
                                    serialNumber: string;
                                    issuer: string | null;
                                    /** Format: date-time */
                                    firstUsedAt: string;
                                    /** Format: date-time */
                                    lastUsedAt: string;
                                }[];
                                /** @description Входили через внешнего провайдера (ЕСИА/OpenID Connect) */
                                oidc: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Изменить ФИО или СНИЛС
         * @description СНИЛС проверяется по контрольному числу; СНИЛС из сертификата электронной подписи не меняется. Почта и телефон меняются только с кодом подтверждения.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fullName?: string;
                        /** @description 11 цифр, можно в виде 123-456-789 01; пусто — убрать */
                        snils?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            fullName: string;
                            /** @description СНИЛС в виде 123-456-789 01 — его сообщают руководителю, который приглашает доверенным лицом */
                            snils: string | null;
                            /** @description СНИЛС получен из сертификата электронной подписи при входе (не меняется в профиле) */
                            snilsConfirmed: boolean;
                            email: string | null;
                            emailConfirmed: boolean;
                            /** @description Код отправлен и ещё не введён */
                            emailPending: {
                                /** @description Куда отправлен код */
                                value: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            phone: string | null;
                            phoneConfirmed: boolean;
                            /** @description Код отправлен и ещё не введён */
                            phonePending: {
                                /** @description Куда отправлен код */
                                value: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            /** @description Способы входа */
                            signIn: {
                                password: boolean;
                                secondFactor: boolean;
                                recoveryCodesLeft: number;
                                /** @description Сертификаты электронной подписи, с которыми вы входили */
                                certificates: {
                                    serialNumber: string;
                                    issuer: string | null;
                                    /** Format: date-time */
                                    firstUsedAt: string;
                                    /** Format: date-time */
                                    lastUsedAt: string;
                                }[];
                                /** @description Входили через внешнего провайдера (ЕСИА/OpenID Connect) */
                                oidc: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/profile/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Указать адрес электронной почты: отправить на него код подтверждения
         * @description Код приходит письмом и действует 15 минут; до его ввода в профиле остаётся прежнее значение. Код не возвращается в ответе и не показывается нигде, кроме самого письма.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sentTo: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/profile/email/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Подтвердить адрес электронной почты кодом */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            fullName: string;
                            /** @description СНИЛС в виде 123-456-789 01 — его сообщают руководителю, который приглашает доверенным лицом */
                            snils: string | null;
                            /** @description СНИЛС получен из сертификата электронной подписи при входе (не меняется в профиле) */
                            snilsConfirmed: boolean;
                            email: string | null;
                            emailConfirmed: boolean;
                            /** @description Код отправлен и ещё не введён */
                            emailPending: {
                                /** @description Куда отправлен код */
                                value: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            phone: string | null;
                            phoneConfirmed: boolean;
                            /** @description Код отправлен и ещё не введён */
                            phonePending: {
                                /** @description Куда отправлен код */
                                value: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            /** @description Способы входа */
                            signIn: {
                                password: boolean;
                                secondFactor: boolean;
                                recoveryCodesLeft: number;
                                /** @description Сертификаты электронной подписи, с которыми вы входили */
                                certificates: {
                                    serialNumber: string;
                                    issuer: string | null;
                                    /** Format: date-time */
                                    firstUsedAt: string;
                                    /** Format: date-time */
                                    lastUsedAt: string;
                                }[];
                                /** @description Входили через внешнего провайдера (ЕСИА/OpenID Connect) */
                                oidc: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/profile/phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Указать номер телефона: отправить на него код подтверждения
         * @description Код приходит в СМС и действует 15 минут; до его ввода в профиле остаётся прежнее значение. Код не возвращается в ответе и не показывается нигде, кроме самого СМС.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        phone: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sentTo: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/profile/phone/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Подтвердить номер телефона кодом */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            fullName: string;
                            /** @description СНИЛС в виде 123-456-789 01 — его сообщают руководителю, который приглашает доверенным лицом */
                            snils: string | null;
                            /** @description СНИЛС получен из сертификата электронной подписи при входе (не меняется в профиле) */
                            snilsConfirmed: boolean;
                            email: string | null;
                            emailConfirmed: boolean;
                            /** @description Код отправлен и ещё не введён */
                            emailPending: {
                                /** @description Куда отправлен код */
                                value: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            phone: string | null;
                            phoneConfirmed: boolean;
                            /** @description Код отправлен и ещё не введён */
                            phonePending: {
                                /** @description Куда отправлен код */
                                value: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            /** @description Способы входа */
                            signIn: {
                                password: boolean;
                                secondFactor: boolean;
                                recoveryCodesLeft: number;
                                /** @description Сертификаты электронной подписи, с которыми вы входили */
                                certificates: {
                                    serialNumber: string;
                                    issuer: string | null;
                                    /** Format: date-time */
                                    firstUsedAt: string;
                                    /** Format: date-time */
                                    lastUsedAt: string;
                                }[];
                                /** @description Входили через внешнего провайдера (ЕСИА/OpenID Connect) */
                                oidc: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem+json */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
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
        /** @description RFC 9457 problem+json */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            /** @enum {string} */
            code: "validation" | "bad_request" | "malformed_json" | "unsupported_media_type" | "multipart_invalid" | "payload_too_large" | "request_timeout" | "unauthenticated" | "forbidden" | "cross_site_request" | "no_organization" | "second_factor_required" | "not_found" | "conflict" | "idempotency_mismatch" | "idempotency_in_progress" | "too_many_requests" | "overloaded" | "unavailable" | "internal" | "invalid_credentials" | "account_locked" | "second_factor_invalid" | "challenge_used" | "challenge_expired" | "certificate_rejected" | "signature_invalid" | "reset_invalid" | "external_login_failed" | "invitation_used" | "invitation_expired" | "application_status" | "version_conflict" | "application_incomplete" | "report_status" | "report_conflict" | "report_invalid" | "report_deadline" | "register_version_conflict" | "register_archived" | "register_in_use" | "plate_taken" | "terminal_taken" | "register_status" | "tariff_overlap" | "tariff_in_use" | "nothing_to_bill" | "payment_matched" | "overpayment" | "meeting_stage" | "meeting_completed" | "register_invalid";
            errors?: {
                field: string;
                message: string;
            }[];
            /** @description Идентификатор запроса (также в заголовке X-Request-Id): назовите его поддержке */
            requestId?: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
