// The expansion of `throw.rs`, formatted by rustfmt. Regenerate with
// `CORO_BLESS=1 cargo test -p coro-macros snapshot`.

#[allow(refining_impl_trait)]
fn tolerant(
    limit: u32,
) -> impl ::coro_core::Throw<Error, (), Yield = u32, Return = Result<u32, Error>>
+ ::core::fmt::Debug
+ ::core::iter::FusedIterator<Item = u32> {
    yield_catch ! (@ used);
    yield_ ! (@ used);
    yield_from ! (@ used);
    #[allow(non_camel_case_types)]
    enum tolerant<__CoroT1, __CoroT3, __CoroT6, __CoroT7> {
        Start {
            __coro_l0_limit: u32,
        },
        Block1 {
            __coro_l1_errors: __CoroT1,
        },
        Block2 {
            __coro_l3___coro_iter2: __CoroT3,
            __coro_l1_errors: __CoroT1,
        },
        Yield0 {
            __coro_l3___coro_iter2: __CoroT3,
            __coro_l1_errors: __CoroT1,
        },
        Yield1 {
            __coro_l1_errors: __CoroT1,
        },
        Block6 {
            __coro_l7___coro_ret5: __CoroT7,
            __coro_l1_errors: __CoroT1,
        },
        Yield2 {
            __coro_l6___coro_gen4: __CoroT6,
            __coro_l1_errors: __CoroT1,
        },
        Done,
        Poisoned,
    }
    impl<__CoroT1, __CoroT3, __CoroT6, __CoroT7> ::coro_core::__private::StateInfo
        for tolerant<__CoroT1, __CoroT3, __CoroT6, __CoroT7>
    {
        const NAME: &'static str = "tolerant";
        fn status(&self) -> ::coro_core::__private::GeneratorStatus {
            match self {
                Self::Start { .. } => ::coro_core::__private::GeneratorStatus::Created,
                Self::Block1 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                Self::Block2 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                Self::Yield0 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                    ::coro_core::__private::YieldPoint {
                        index: 0usize,
                        source: "yield_catch!(i)",
                        file: ::core::file!(),
                        line: 7u32,
                        column: 12u32,
                    },
                ),
                Self::Yield1 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                    ::coro_core::__private::YieldPoint {
                        index: 1usize,
                        source: "yield_!(errors)",
                        file: ::core::file!(),
                        line: 11u32,
                        column: 5u32,
                    },
                ),
                Self::Block6 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                Self::Yield2 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                    ::coro_core::__private::YieldPoint {
                        index: 2usize,
                        source: "yield_from!(sub())",
                        file: ::core::file!(),
                        line: 12u32,
                        column: 17u32,
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
    let __coro_generator = ::coro_core::__private::throwing_machine::<
        (),
        Error,
        u32,
        Result<u32, Error>,
        _,
        _,
    >(
        tolerant::Start {
            __coro_l0_limit: limit,
        },
        |__coro_state, mut __coro_resume| {
            let mut __coro_current = ::core::mem::replace(__coro_state, tolerant::Poisoned);
            '__coro_dispatch: loop {
                match __coro_current {
                    tolerant::Start { .. }
                        if ::core::matches!(
                            __coro_resume,
                            ::core::option::Option::Some(::core::result::Result::Err(_))
                        ) =>
                    {
                        ::coro_core::__private::set_state(__coro_state, __coro_current);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::ThrowNotStarted,
                        );
                    }
                    tolerant::Start {
                        __coro_l0_limit: limit,
                    } => {
                        #[allow(unused_mut)]
                        let mut errors = 0;
                        let mut __coro_iter2 = ::core::iter::IntoIterator::into_iter(0..limit);
                        {
                            #[allow(clippy::used_underscore_binding)]
                            if let tolerant::Block2 {
                                __coro_l3___coro_iter2: __coro_tie0,
                                __coro_l1_errors: __coro_tie1,
                            } = &*__coro_state
                            {
                                let _ = [__coro_tie0, &__coro_iter2];
                                let _ = [__coro_tie1, &errors];
                            }
                            match ::core::iter::Iterator::next(&mut __coro_iter2) {
                                ::core::option::Option::Some(i) => {
                                    let __coro_yielded: u32 = i;
                                    ::coro_core::__private::set_state(
                                        __coro_state,
                                        tolerant::Yield0 {
                                            __coro_l3___coro_iter2: __coro_iter2,
                                            __coro_l1_errors: errors,
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
                                        __coro_current = tolerant::Block1 {
                                            __coro_l1_errors: errors,
                                        };
                                        continue '__coro_dispatch;
                                    };
                                }
                            }
                        }
                    }
                    tolerant::Block2 {
                        #[allow(unused_mut)]
                            __coro_l1_errors: mut errors,
                        #[allow(unused_mut)]
                            __coro_l3___coro_iter2: mut __coro_iter2,
                    } => match ::core::iter::Iterator::next(&mut __coro_iter2) {
                        ::core::option::Option::Some(i) => {
                            let __coro_yielded: u32 = i;
                            ::coro_core::__private::set_state(
                                __coro_state,
                                tolerant::Yield0 {
                                    __coro_l3___coro_iter2: __coro_iter2,
                                    __coro_l1_errors: errors,
                                },
                            );
                            return ::core::result::Result::Ok(
                                ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                            );
                        }
                        ::core::option::Option::None => {
                            #[allow(unreachable_code)]
                            {
                                __coro_current = tolerant::Block1 {
                                    __coro_l1_errors: errors,
                                };
                                continue '__coro_dispatch;
                            };
                        }
                    },
                    tolerant::Yield0 {
                        #[allow(unused_mut)]
                            __coro_l1_errors: mut errors,
                        #[allow(unused_mut)]
                            __coro_l3___coro_iter2: mut __coro_iter2,
                    } => {
                        let __coro_r3 =
                            ::coro_core::__private::resumed_unit_or_thrown(&mut __coro_resume);
                        if __coro_r3.is_err() {
                            errors += 1;
                            {
                                #[allow(unreachable_code)]
                                {
                                    __coro_current = tolerant::Block2 {
                                        __coro_l3___coro_iter2: __coro_iter2,
                                        __coro_l1_errors: errors,
                                    };
                                    continue '__coro_dispatch;
                                };
                            }
                        } else {
                            {
                                #[allow(unreachable_code)]
                                {
                                    __coro_current = tolerant::Block2 {
                                        __coro_l3___coro_iter2: __coro_iter2,
                                        __coro_l1_errors: errors,
                                    };
                                    continue '__coro_dispatch;
                                };
                            }
                        }
                    }
                    tolerant::Block1 {
                        #[allow(unused_mut)]
                            __coro_l1_errors: mut errors,
                    } => {
                        let __coro_yielded: u32 = errors;
                        ::coro_core::__private::set_state(
                            __coro_state,
                            tolerant::Yield1 {
                                __coro_l1_errors: errors,
                            },
                        );
                        return ::core::result::Result::Ok(
                            ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                        );
                    }
                    tolerant::Yield1 {
                        #[allow(unused_mut)]
                            __coro_l1_errors: mut errors,
                    } => {
                        let _ = (match ::coro_core::__private::Branch::branch(
                            ::coro_core::__private::resumed_unit_or_thrown(&mut __coro_resume),
                        ) {
                            ::coro_core::__private::Flow::Continue(__coro_c) => __coro_c,
                            ::coro_core::__private::Flow::Break(__coro_res) => {
                                let __coro_ret: Result<u32, Error> =
                                    <_ as ::coro_core::FromResidual<_>>::from_residual(__coro_res);
                                #[allow(unreachable_code)]
                                {
                                    ::coro_core::__private::set_state(__coro_state, tolerant::Done);
                                    return ::core::result::Result::Ok(
                                        ::coro_core::__private::GeneratorState::Complete(
                                            __coro_ret,
                                        ),
                                    );
                                }
                            }
                        });
                        let mut __coro_gen4 = {
                            #[allow(unused_imports)]
                            use ::coro_core::__private::{
                                CharsKind as _, ForwardKind as _, ItemsKind as _, OtherKind as _,
                                PinnedForwardKind as _, PinnedKind as _, PinnedShieldKind as _,
                                ShieldKind as _,
                            };
                            let __coro_sub =
                                ::coro_core::__private::Sub::<_, (), Error>::new(sub());
                            (&&&&__coro_sub).delegate_kind().wrap(__coro_sub)
                        };
                        match <_ as ::coro_core::Delegate<(), Error>>::start(&mut __coro_gen4) {
                            ::coro_core::__private::GeneratorState::Yielded(__coro_y) => {
                                let __coro_yielded: u32 = __coro_y;
                                ::coro_core::__private::set_state(
                                    __coro_state,
                                    tolerant::Yield2 {
                                        __coro_l6___coro_gen4: __coro_gen4,
                                        __coro_l1_errors: errors,
                                    },
                                );
                                return ::core::result::Result::Ok(
                                    ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                                );
                            }
                            ::coro_core::__private::GeneratorState::Complete(__coro_v) => {
                                let __coro_l7___coro_ret5 = __coro_v;
                                __coro_current = tolerant::Block6 {
                                    __coro_l7___coro_ret5: __coro_l7___coro_ret5,
                                    __coro_l1_errors: errors,
                                };
                                continue '__coro_dispatch;
                            }
                        }
                    }
                    tolerant::Yield2 {
                        #[allow(unused_mut)]
                            __coro_l1_errors: mut errors,
                        #[allow(unused_mut)]
                            __coro_l6___coro_gen4: mut __coro_gen4,
                    } => {
                        match match ::coro_core::__private::resumed_unit_or_thrown(
                            &mut __coro_resume,
                        ) {
                            ::core::result::Result::Ok(__coro_sent) => {
                                <_ as ::coro_core::Delegate<(), Error>>::send(
                                    &mut __coro_gen4,
                                    __coro_sent,
                                )
                            }
                            ::core::result::Result::Err(__coro_err) => {
                                match <_ as ::coro_core::Delegate<(), Error>>::throw(
                                    &mut __coro_gen4,
                                    __coro_err,
                                ) {
                                    ::core::result::Result::Ok(__coro_s) => __coro_s,
                                    ::core::result::Result::Err(__coro_err) => {
                                        let __coro_ret: Result<u32, Error> =
                                            ::coro_core::FromResidual::from_residual(
                                                ::core::result::Result::<
                                                    ::core::convert::Infallible,
                                                    Error,
                                                >::Err(
                                                    __coro_err
                                                ),
                                            );
                                        #[allow(unreachable_code)]
                                        {
                                            ::coro_core::__private::set_state(
                                                __coro_state,
                                                tolerant::Done,
                                            );
                                            return ::core::result::Result::Ok(
                                                ::coro_core::__private::GeneratorState::Complete(
                                                    __coro_ret,
                                                ),
                                            );
                                        }
                                    }
                                }
                            }
                        } {
                            ::coro_core::__private::GeneratorState::Yielded(__coro_y) => {
                                let __coro_yielded: u32 = __coro_y;
                                ::coro_core::__private::set_state(
                                    __coro_state,
                                    tolerant::Yield2 {
                                        __coro_l6___coro_gen4: __coro_gen4,
                                        __coro_l1_errors: errors,
                                    },
                                );
                                return ::core::result::Result::Ok(
                                    ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                                );
                            }
                            ::coro_core::__private::GeneratorState::Complete(__coro_v) => {
                                let __coro_l7___coro_ret5 = __coro_v;
                                __coro_current = tolerant::Block6 {
                                    __coro_l7___coro_ret5: __coro_l7___coro_ret5,
                                    __coro_l1_errors: errors,
                                };
                                continue '__coro_dispatch;
                            }
                        }
                    }
                    tolerant::Block6 {
                        #[allow(unused_mut)]
                            __coro_l1_errors: mut errors,
                        #[allow(unused_mut)]
                            __coro_l7___coro_ret5: mut __coro_ret5,
                    } => {
                        let total = (match ::coro_core::__private::Branch::branch(__coro_ret5) {
                            ::coro_core::__private::Flow::Continue(__coro_c) => __coro_c,
                            ::coro_core::__private::Flow::Break(__coro_res) => {
                                let __coro_ret: Result<u32, Error> =
                                    <_ as ::coro_core::FromResidual<_>>::from_residual(__coro_res);
                                #[allow(unreachable_code)]
                                {
                                    ::coro_core::__private::set_state(__coro_state, tolerant::Done);
                                    return ::core::result::Result::Ok(
                                        ::coro_core::__private::GeneratorState::Complete(
                                            __coro_ret,
                                        ),
                                    );
                                }
                            }
                        });
                        {
                            let __coro_ret: Result<u32, Error> = Ok(total + errors);
                            #[allow(unreachable_code)]
                            {
                                ::coro_core::__private::set_state(__coro_state, tolerant::Done);
                                return ::core::result::Result::Ok(
                                    ::coro_core::__private::GeneratorState::Complete(__coro_ret),
                                );
                            }
                        }
                    }
                    tolerant::Done => {
                        ::coro_core::__private::set_state(__coro_state, tolerant::Done);
                        return ::core::result::Result::Err(
                            ::coro_core::__private::Refusal::Completed,
                        );
                    }
                    tolerant::Poisoned => {
                        ::coro_core::__private::set_state(__coro_state, tolerant::Poisoned);
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
