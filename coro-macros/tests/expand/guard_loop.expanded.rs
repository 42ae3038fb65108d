// The expansion of `guard_loop.rs`, formatted by rustfmt. Regenerate with
// `CORO_BLESS=1 cargo test -p coro-macros snapshot`.

#[allow(refining_impl_trait)]
fn evens(
    span: &Span,
    limit: u32,
) -> impl ::coro_core::Generator<(), Yield = u32, Return = usize>
+ ::core::fmt::Debug
+ ::core::iter::FusedIterator<Item = u32> {
    yield_ ! (@ used);
    #[allow(non_camel_case_types)]
    enum evens<__CoroT0, __CoroT2, __CoroT4, __CoroT6> {
        Start {
            __coro_l0_span: __CoroT0,
            __coro_l1_limit: u32,
        },
        Block1 {
            __coro_l4_count: __CoroT4,
            __coro_l2__guard: __CoroT2,
        },
        Block2 {
            __coro_l6___coro_iter3: __CoroT6,
            __coro_l4_count: __CoroT4,
            __coro_l2__guard: __CoroT2,
        },
        Yield0 {
            __coro_l6___coro_iter3: __CoroT6,
            __coro_l4_count: __CoroT4,
            __coro_l2__guard: __CoroT2,
        },
        Done,
        Poisoned,
    }
    impl<__CoroT0, __CoroT2, __CoroT4, __CoroT6> evens<__CoroT0, __CoroT2, __CoroT4, __CoroT6> {
        fn __coro_types(
            _: &Self,
        ) -> (
            ::core::marker::PhantomData<__CoroT0>,
            ::core::marker::PhantomData<__CoroT2>,
            ::core::marker::PhantomData<__CoroT4>,
            ::core::marker::PhantomData<__CoroT6>,
        ) {
            (
                ::core::marker::PhantomData::<__CoroT0>,
                ::core::marker::PhantomData::<__CoroT2>,
                ::core::marker::PhantomData::<__CoroT4>,
                ::core::marker::PhantomData::<__CoroT6>,
            )
        }
    }
    impl<__CoroT0, __CoroT2, __CoroT4, __CoroT6> ::coro_core::__private::StateInfo
        for evens<__CoroT0, __CoroT2, __CoroT4, __CoroT6>
    {
        const NAME: &'static str = "evens";
        fn status(&self) -> ::coro_core::__private::GeneratorStatus {
            match self {
                Self::Start { .. } => ::coro_core::__private::GeneratorStatus::Created,
                Self::Block1 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                Self::Block2 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                Self::Yield0 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                    ::coro_core::__private::YieldPoint {
                        index: 0usize,
                        source: "yield_!(i)",
                        file: ::core::file!(),
                        line: 11u32,
                        column: 9u32,
                    },
                ),
                Self::Done => ::coro_core::__private::GeneratorStatus::Completed,
                Self::Poisoned => ::coro_core::__private::GeneratorStatus::Poisoned,
            }
        }
        fn close(&mut self) {
            *self = Self::Done;
        }
    }
    let __coro_generator = ::coro_core::__private::machine::<(), u32, usize, _, _>(
        ::coro_core::__private::typed::<_, usize>(
            evens::Start {
                __coro_l0_span: span,
                __coro_l1_limit: limit,
            },
            |__coro_s| {
                let __coro_w = evens::__coro_types(&__coro_s);
                let evens::Start {
                    __coro_l0_span: span,
                    __coro_l1_limit: limit,
                } = __coro_s
                else {
                    ::core::unreachable!()
                };
                let _guard = span.enter();
                #[allow(clippy::used_underscore_binding)]
                ::coro_core::__private::tie(&__coro_w.1, &_guard);
                let mut count = 0;
                ::coro_core::__private::tie(&__coro_w.2, &count);
                for i in ::coro_core::__private::tied(
                    &__coro_w.3,
                    ::core::iter::IntoIterator::into_iter(0..limit),
                ) {
                    if i % 2 == 1 {
                        continue;
                    }
                    {
                        yield_ ! (@ used);
                        ::coro_core::__private::fallback_yield::<(), (u32,)>((i,))
                    };
                    count += 1;
                }
                count
            },
        ),
        |__coro_state, mut __coro_resume| {
            let mut __coro_current = ::core::mem::replace(__coro_state, evens::Poisoned);
            '__coro_dispatch: loop {
                match __coro_current {
                    evens::Start {
                        __coro_l0_span: span,
                        __coro_l1_limit: limit,
                    } => {
                        let _guard = span.enter();
                        #[allow(unused_mut)]
                        let mut count = 0;
                        let mut __coro_iter3 = ::core::iter::IntoIterator::into_iter(0..limit);
                        {
                            #[allow(clippy::used_underscore_binding)]
                            if let evens::Block2 {
                                __coro_l6___coro_iter3: __coro_tie0,
                                __coro_l4_count: __coro_tie1,
                                __coro_l2__guard: __coro_tie2,
                            } = &*__coro_state
                            {
                                let _ = [__coro_tie0, &__coro_iter3];
                                let _ = [__coro_tie1, &count];
                                let _ = [__coro_tie2, &_guard];
                            }
                            match ::core::iter::Iterator::next(&mut __coro_iter3) {
                                ::core::option::Option::Some(i) => {
                                    if i % 2 == 1 {
                                        {
                                            __coro_current = evens::Block2 {
                                                __coro_l6___coro_iter3: __coro_iter3,
                                                __coro_l4_count: count,
                                                #[allow(clippy::used_underscore_binding)]
                                                __coro_l2__guard: _guard,
                                            };
                                            continue '__coro_dispatch;
                                        };
                                    };
                                    {
                                        let __coro_yielded: u32 = i;
                                        ::coro_core::__private::set_state(
                                            __coro_state,
                                            evens::Yield0 {
                                                __coro_l6___coro_iter3: __coro_iter3,
                                                __coro_l4_count: count,
                                                #[allow(clippy::used_underscore_binding)]
                                                __coro_l2__guard: _guard,
                                            },
                                        );
                                        return ::core::result::Result::Ok(
                                            ::coro_core::__private::GeneratorState::Yielded(
                                                __coro_yielded,
                                            ),
                                        );
                                    }
                                }
                                ::core::option::Option::None => {
                                    #[allow(unreachable_code)]
                                    {
                                        __coro_current = evens::Block1 {
                                            __coro_l4_count: count,
                                            #[allow(clippy::used_underscore_binding)]
                                            __coro_l2__guard: _guard,
                                        };
                                        continue '__coro_dispatch;
                                    };
                                }
                            }
                        }
                    }
                    evens::Block2 {
                        __coro_l2__guard: _guard,
                        #[allow(unused_mut)]
                            __coro_l4_count: mut count,
                        #[allow(unused_mut)]
                            __coro_l6___coro_iter3: mut __coro_iter3,
                    } => match ::core::iter::Iterator::next(&mut __coro_iter3) {
                        ::core::option::Option::Some(i) => {
                            if i % 2 == 1 {
                                {
                                    __coro_current = evens::Block2 {
                                        __coro_l6___coro_iter3: __coro_iter3,
                                        __coro_l4_count: count,
                                        #[allow(clippy::used_underscore_binding)]
                                        __coro_l2__guard: _guard,
                                    };
                                    continue '__coro_dispatch;
                                };
                            };
                            {
                                let __coro_yielded: u32 = i;
                                ::coro_core::__private::set_state(
                                    __coro_state,
                                    evens::Yield0 {
                                        __coro_l6___coro_iter3: __coro_iter3,
                                        __coro_l4_count: count,
                                        #[allow(clippy::used_underscore_binding)]
                                        __coro_l2__guard: _guard,
                                    },
                                );
                                return ::core::result::Result::Ok(
                                    ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                                );
                            }
                        }
                        ::core::option::Option::None => {
                            #[allow(unreachable_code)]
                            {
                                __coro_current = evens::Block1 {
                                    __coro_l4_count: count,
                                    #[allow(clippy::used_underscore_binding)]
                                    __coro_l2__guard: _guard,
                                };
                                continue '__coro_dispatch;
                            };
                        }
                    },
                    evens::Yield0 {
                        __coro_l2__guard: _guard,
                        #[allow(unused_mut)]
                            __coro_l4_count: mut count,
                        #[allow(unused_mut)]
                            __coro_l6___coro_iter3: mut __coro_iter3,
                    } => {
                        count += 1;
                        {
                            match ::core::iter::Iterator::next(&mut __coro_iter3) {
                                ::core::option::Option::Some(i) => {
                                    if i % 2 == 1 {
                                        {
                                            __coro_current = evens::Block2 {
                                                __coro_l6___coro_iter3: __coro_iter3,
                                                __coro_l4_count: count,
                                                #[allow(clippy::used_underscore_binding)]
                                                __coro_l2__guard: _guard,
                                            };
                                            continue '__coro_dispatch;
                                        };
                                    };
                                    {
                                        let __coro_yielded: u32 = i;
                                        ::coro_core::__private::set_state(
                                            __coro_state,
                                            evens::Yield0 {
                                                __coro_l6___coro_iter3: __coro_iter3,
                                                __coro_l4_count: count,
                                                #[allow(clippy::used_underscore_binding)]
                                                __coro_l2__guard: _guard,
                                            },
                                        );
                                        return ::core::result::Result::Ok(
                                            ::coro_core::__private::GeneratorState::Yielded(
                                                __coro_yielded,
                                            ),
                                        );
                                    }
                                }
                                ::core::option::Option::None => {
                                    #[allow(unreachable_code)]
                                    {
                                        __coro_current = evens::Block1 {
                                            __coro_l4_count: count,
                                            #[allow(clippy::used_underscore_binding)]
                                            __coro_l2__guard: _guard,
                                        };
                                        continue '__coro_dispatch;
                                    };
                                }
                            }
                        }
                    }
                    evens::Block1 {
                        __coro_l2__guard: _guard,
                        #[allow(unused_mut)]
                            __coro_l4_count: mut count,
                    } => {
                        let __coro_ret: usize = count;
                        #[allow(unreachable_code)]
                        {
                            ::coro_core::__private::set_state(__coro_state, evens::Done);
                            return ::core::result::Result::Ok(
                                ::coro_core::__private::GeneratorState::Complete(__coro_ret),
                            );
                        }
                    }
                    evens::Done => {
                        ::coro_core::__private::set_state(__coro_state, evens::Done);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::Completed,
                        );
                    }
                    evens::Poisoned => {
                        ::coro_core::__private::set_state(__coro_state, evens::Poisoned);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::Panicked,
                        );
                    }
                }
            }
        },
    );
    __coro_generator
}
