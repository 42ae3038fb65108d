// The expansion of `typing_prologue.rs`, formatted by rustfmt. Regenerate with
// `CORO_BLESS=1 cargo test -p coro-macros snapshot`.

#[allow(refining_impl_trait)]
fn prologue(
    n: u64,
) -> impl ::coro_core::Generator<u64, Yield = u64, Return = Option<u64>> + ::core::fmt::Debug {
    yield_ ! (@ used);
    #[allow(non_camel_case_types)]
    enum prologue<__CoroW2, __CoroT1, __CoroT3, __CoroT5> {
        Start {
            __coro_l0_n: u64,
        },
        Block1 {
            __coro_l3_total: __CoroT3,
        },
        Block2 {
            __coro_l5___coro_iter3: __CoroT5,
            __coro_l3_total: __CoroT3,
            __coro_l1_scale: __CoroT1,
        },
        Yield0 {
            __coro_l5___coro_iter3: __CoroT5,
            __coro_l3_total: __CoroT3,
            __coro_l1_scale: __CoroT1,
        },
        Yield1 {},
        #[allow(dead_code)]
        Witnesses(::core::marker::PhantomData<fn() -> (__CoroW2,)>),
        Done,
        Poisoned,
    }
    impl<__CoroW2, __CoroT1, __CoroT3, __CoroT5> prologue<__CoroW2, __CoroT1, __CoroT3, __CoroT5> {
        fn __coro_types(
            _: &Self,
        ) -> (
            ::core::marker::PhantomData<__CoroW2>,
            ::core::marker::PhantomData<__CoroT1>,
            ::core::marker::PhantomData<__CoroT3>,
            ::core::marker::PhantomData<__CoroT5>,
        ) {
            (
                ::core::marker::PhantomData::<__CoroW2>,
                ::core::marker::PhantomData::<__CoroT1>,
                ::core::marker::PhantomData::<__CoroT3>,
                ::core::marker::PhantomData::<__CoroT5>,
            )
        }
    }
    impl<__CoroW2, __CoroT1, __CoroT3, __CoroT5> ::coro_core::__private::StateInfo
        for prologue<__CoroW2, __CoroT1, __CoroT3, __CoroT5>
    {
        const NAME: &'static str = "prologue";
        fn status(&self) -> ::coro_core::__private::GeneratorStatus {
            match self {
                Self::Start { .. } => ::coro_core::__private::GeneratorStatus::Created,
                Self::Block1 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                Self::Block2 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                Self::Yield0 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                    ::coro_core::__private::YieldPoint {
                        index: 0usize,
                        source: "yield_!(scale(x))",
                        file: ::core::file!(),
                        line: 11u32,
                        column: 18u32,
                    },
                ),
                Self::Yield1 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                    ::coro_core::__private::YieldPoint {
                        index: 1usize,
                        source: "yield_!(total)",
                        file: ::core::file!(),
                        line: 14u32,
                        column: 14u32,
                    },
                ),
                Self::Done => ::coro_core::__private::GeneratorStatus::Completed,
                Self::Poisoned | prologue::Witnesses(..) => {
                    ::coro_core::__private::GeneratorStatus::Poisoned
                }
            }
        }
        fn close(&mut self) {
            *self = Self::Done;
        }
    }
    let __coro_generator = ::coro_core::__private::machine::<u64, u64, Option<u64>, _, _>(
        ::coro_core::__private::typed::<_, Option<u64>>(
            prologue::Start { __coro_l0_n: n },
            |__coro_s| {
                let __coro_w = prologue::__coro_types(&__coro_s);
                let prologue::Start { __coro_l0_n: n } = __coro_s else {
                    ::core::unreachable!()
                };
                let scale = move |x: u64| x * n;
                let mut total = 0;
                ::coro_core::__private::tie(&__coro_w.2, &total);
                for x in ::coro_core::__private::tied(
                    &__coro_w.3,
                    ::core::iter::IntoIterator::into_iter(0..n),
                ) {
                    total += {
                        yield_ ! (@ used);
                        ::coro_core::__private::fallback_yield::<u64, (u64,)>((scale(x),))
                    };
                }
                let mut q = None;
                ::coro_core::__private::tie(&__coro_w.0, &q);
                q = Some(
                    ({
                        yield_ ! (@ used);
                        ::coro_core::__private::fallback_yield::<u64, (u64,)>((total,))
                    }),
                );
                q
            },
        ),
        |__coro_state, mut __coro_resume| {
            let mut __coro_current = ::core::mem::replace(__coro_state, prologue::Poisoned);
            '__coro_dispatch: loop {
                match __coro_current {
                    prologue::Start { .. } if __coro_resume.is_some() => {
                        ::coro_core::__private::set_state(__coro_state, __coro_current);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::NotStarted,
                        );
                    }
                    prologue::Yield0 { .. } | prologue::Yield1 { .. }
                        if __coro_resume.is_none() =>
                    {
                        ::coro_core::__private::set_state(__coro_state, __coro_current);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::NeedsValue,
                        );
                    }
                    prologue::Start { __coro_l0_n: n } => {
                        let scale = move |x: u64| x * n;
                        #[allow(unused_mut)]
                        let mut total = 0;
                        let mut __coro_iter3 = ::core::iter::IntoIterator::into_iter(0..n);
                        {
                            #[allow(clippy::used_underscore_binding)]
                            if let prologue::Block2 {
                                __coro_l5___coro_iter3: __coro_tie0,
                                __coro_l3_total: __coro_tie1,
                                __coro_l1_scale: __coro_tie2,
                            } = &*__coro_state
                            {
                                let _ = [__coro_tie0, &__coro_iter3];
                                let _ = [__coro_tie1, &total];
                                let _ = [__coro_tie2, &scale];
                            }
                            match ::core::iter::Iterator::next(&mut __coro_iter3) {
                                ::core::option::Option::Some(x) => {
                                    let __coro_yielded: u64 = scale(x);
                                    ::coro_core::__private::set_state(
                                        __coro_state,
                                        prologue::Yield0 {
                                            __coro_l5___coro_iter3: __coro_iter3,
                                            __coro_l3_total: total,
                                            __coro_l1_scale: scale,
                                        },
                                    );
                                    return ::core::result::Result::Ok(
                                        ::coro_core::__private::GeneratorState::Yielded(
                                            __coro_yielded,
                                        ),
                                    );
                                }
                                ::core::option::Option::None => {
                                    #[allow(unreachable_code)]
                                    {
                                        __coro_current = prologue::Block1 {
                                            __coro_l3_total: total,
                                        };
                                        continue '__coro_dispatch;
                                    };
                                }
                            }
                        }
                    }
                    prologue::Block2 {
                        __coro_l1_scale: scale,
                        #[allow(unused_mut)]
                            __coro_l3_total: mut total,
                        #[allow(unused_mut)]
                            __coro_l5___coro_iter3: mut __coro_iter3,
                    } => match ::core::iter::Iterator::next(&mut __coro_iter3) {
                        ::core::option::Option::Some(x) => {
                            let __coro_yielded: u64 = scale(x);
                            ::coro_core::__private::set_state(
                                __coro_state,
                                prologue::Yield0 {
                                    __coro_l5___coro_iter3: __coro_iter3,
                                    __coro_l3_total: total,
                                    __coro_l1_scale: scale,
                                },
                            );
                            return ::core::result::Result::Ok(
                                ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                            );
                        }
                        ::core::option::Option::None => {
                            #[allow(unreachable_code)]
                            {
                                __coro_current = prologue::Block1 {
                                    __coro_l3_total: total,
                                };
                                continue '__coro_dispatch;
                            };
                        }
                    },
                    prologue::Yield0 {
                        __coro_l1_scale: scale,
                        #[allow(unused_mut)]
                            __coro_l3_total: mut total,
                        #[allow(unused_mut)]
                            __coro_l5___coro_iter3: mut __coro_iter3,
                    } => {
                        let __coro_r4 = ::coro_core::__private::resumed(&mut __coro_resume);
                        total += __coro_r4;
                        #[allow(unreachable_code)]
                        {
                            __coro_current = prologue::Block2 {
                                __coro_l5___coro_iter3: __coro_iter3,
                                __coro_l3_total: total,
                                __coro_l1_scale: scale,
                            };
                            continue '__coro_dispatch;
                        };
                    }
                    prologue::Block1 {
                        #[allow(unused_mut)]
                            __coro_l3_total: mut total,
                    } => {
                        #[allow(unused_mut)]
                        let mut q = None;
                        if false {
                            ::coro_core::__private::tie(
                                &prologue::__coro_types(&*__coro_state).0,
                                &q,
                            );
                        }
                        {
                            let __coro_yielded: u64 = total;
                            ::coro_core::__private::set_state(__coro_state, prologue::Yield1 {});
                            return ::core::result::Result::Ok(
                                ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                            );
                        }
                    }
                    prologue::Yield1 {} => {
                        #[allow(unused_mut, unused_variables, clippy::needless_late_init)]
                        let mut q;
                        #[allow(unused_assignments)]
                        if false {
                            q = ::coro_core::__private::never_of(
                                &prologue::__coro_types(&*__coro_state).0,
                            );
                        }
                        let __coro_r6 = ::coro_core::__private::resumed(&mut __coro_resume);
                        q = Some(__coro_r6);
                        {
                            let __coro_ret: Option<u64> = q;
                            #[allow(unreachable_code)]
                            {
                                ::coro_core::__private::set_state(__coro_state, prologue::Done);
                                return ::core::result::Result::Ok(
                                    ::coro_core::__private::GeneratorState::Complete(__coro_ret),
                                );
                            }
                        }
                    }
                    prologue::Done => {
                        ::coro_core::__private::set_state(__coro_state, prologue::Done);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::Completed,
                        );
                    }
                    prologue::Poisoned | prologue::Witnesses(..) => {
                        ::coro_core::__private::set_state(__coro_state, prologue::Poisoned);
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
