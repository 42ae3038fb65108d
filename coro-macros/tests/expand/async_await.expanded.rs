// The expansion of `async_await.rs`, formatted by rustfmt. Regenerate with
// `CORO_BLESS=1 cargo test -p coro-macros snapshot`.

#[allow(refining_impl_trait, clippy::must_use_candidate)]
fn scaled(
    n: u64,
) -> impl ::coro_core::__private::FusedStream<Item = Result<u64, Error>> + ::core::fmt::Debug {
    yield_ ! (@ used);
    for_await ! (@ used);
    {
        #[allow(non_camel_case_types)]
        enum scaled<__CoroT2, __CoroT6> {
            Start {
                __coro_l0_n: u64,
            },
            Yield0 {
                __coro_l0_n: u64,
            },
            Block3 {},
            Block4 {
                __coro_l2_factor: __CoroT2,
            },
            Yield1 {
                __coro_l2_factor: __CoroT2,
            },
            Block6 {
                __coro_l6___coro_v5: __CoroT6,
                __coro_l2_factor: __CoroT2,
            },
            Yield2 {
                __coro_l2_factor: __CoroT2,
            },
            Yield3 {
                __coro_l2_factor: __CoroT2,
            },
            Done,
            Poisoned,
        }
        impl<__CoroT2, __CoroT6> ::coro_core::__private::StateInfo for scaled<__CoroT2, __CoroT6> {
            const NAME: &'static str = "scaled";
            fn status(&self) -> ::coro_core::__private::GeneratorStatus {
                match self {
                    Self::Start { .. } => ::coro_core::__private::GeneratorStatus::Created,
                    Self::Yield0 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                        ::coro_core::__private::YieldPoint {
                            index: 0usize,
                            source: "fetch_factor (n).await",
                            file: ::core::file!(),
                            line: 6u32,
                            column: 18u32,
                        },
                    ),
                    Self::Block3 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                    Self::Block4 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                    Self::Yield1 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                        ::coro_core::__private::YieldPoint {
                            index: 1usize,
                            source: "for_await!(.. in numbers (n))",
                            file: ::core::file!(),
                            line: 7u32,
                            column: 5u32,
                        },
                    ),
                    Self::Block6 { .. } => ::coro_core::__private::GeneratorStatus::Poisoned,
                    Self::Yield2 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                        ::coro_core::__private::YieldPoint {
                            index: 2usize,
                            source: "scale (x , factor).await",
                            file: ::core::file!(),
                            line: 8u32,
                            column: 17u32,
                        },
                    ),
                    Self::Yield3 { .. } => ::coro_core::__private::GeneratorStatus::Suspended(
                        ::coro_core::__private::YieldPoint {
                            index: 3usize,
                            source: "yield_!(y)",
                            file: ::core::file!(),
                            line: 9u32,
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
        let __coro_generator = ::coro_core::__private::async_machine::<
            Result<u64, Error>,
            Result<(), Error>,
            _,
            _,
            _,
        >(
            scaled::Start { __coro_l0_n: n },
            ::coro_core::Levels::new(::coro_core::Awaiting::None, ::coro_core::Awaiting::None),
            |__coro_state,
             mut __coro_resume,
             mut __coro_awaiting: ::core::pin::Pin<
                &mut ::coro_core::Levels<::coro_core::Awaiting<_, _>, ::coro_core::Awaiting<_, ()>>,
            >,
             __coro_cx: &mut ::core::task::Context<'_>| {
                let mut __coro_current = ::core::mem::replace(__coro_state, scaled::Poisoned);
                '__coro_dispatch: loop {
                    match __coro_current {
                        scaled::Start { __coro_l0_n: n } => {
                            __coro_awaiting
                                .as_mut()
                                .first()
                                .set(::coro_core::Awaiting::Left(
                                    ::core::future::IntoFuture::into_future(fetch_factor(n)),
                                ));
                            {
                                let __coro_awaited1 = match ::core::future::Future::poll(
                                    __coro_awaiting.as_mut().first().left(),
                                    __coro_cx,
                                ) {
                                    ::core::task::Poll::Ready(__coro_output) => {
                                        __coro_awaiting
                                            .as_mut()
                                            .first()
                                            .set(::coro_core::Awaiting::None);
                                        __coro_output
                                    }
                                    ::core::task::Poll::Pending => {
                                        ::coro_core::__private::set_state(
                                            __coro_state,
                                            scaled::Yield0 { __coro_l0_n: n },
                                        );
                                        return ::core::result::Result::Err(
                                            ::coro_core::__private::Refusal::Pending,
                                        );
                                    }
                                };
                                let factor = (match ::coro_core::__private::Branch::branch(
                                    __coro_awaited1,
                                ) {
                                    ::coro_core::__private::Flow::Continue(__coro_c) => __coro_c,
                                    ::coro_core::__private::Flow::Break(__coro_res) => {
                                        let __coro_ret: Result<(), Error> =
                                            <_ as ::coro_core::FromResidual<_>>::from_residual(
                                                __coro_res,
                                            );
                                        #[allow(unreachable_code)]
                                        {
                                            ::coro_core::__private::Parked::clear(
                                                __coro_awaiting.as_mut(),
                                            );
                                            ::coro_core::__private::set_state(
                                                __coro_state,
                                                scaled::Done,
                                            );
                                            return ::core::result::Result::Ok(
                                                ::coro_core::__private::GeneratorState::Complete(
                                                    __coro_ret,
                                                ),
                                            );
                                        }
                                    }
                                });
                                __coro_awaiting
                                    .as_mut()
                                    .first()
                                    .set(::coro_core::Awaiting::Right(
                                        ::coro_core::StreamOperand::into_stream(numbers(n)),
                                    ));
                                #[allow(unreachable_code)]
                                {
                                    __coro_current = scaled::Block4 {
                                        __coro_l2_factor: factor,
                                    };
                                    continue '__coro_dispatch;
                                };
                            }
                        }
                        scaled::Yield0 { __coro_l0_n: n } => {
                            let __coro_awaited1 = match ::core::future::Future::poll(
                                __coro_awaiting.as_mut().first().left(),
                                __coro_cx,
                            ) {
                                ::core::task::Poll::Ready(__coro_output) => {
                                    __coro_awaiting
                                        .as_mut()
                                        .first()
                                        .set(::coro_core::Awaiting::None);
                                    __coro_output
                                }
                                ::core::task::Poll::Pending => {
                                    ::coro_core::__private::set_state(
                                        __coro_state,
                                        scaled::Yield0 { __coro_l0_n: n },
                                    );
                                    return ::core::result::Result::Err(
                                        ::coro_core::__private::Refusal::Pending,
                                    );
                                }
                            };
                            let factor =
                                (match ::coro_core::__private::Branch::branch(__coro_awaited1) {
                                    ::coro_core::__private::Flow::Continue(__coro_c) => __coro_c,
                                    ::coro_core::__private::Flow::Break(__coro_res) => {
                                        let __coro_ret: Result<(), Error> =
                                            <_ as ::coro_core::FromResidual<_>>::from_residual(
                                                __coro_res,
                                            );
                                        #[allow(unreachable_code)]
                                        {
                                            ::coro_core::__private::Parked::clear(
                                                __coro_awaiting.as_mut(),
                                            );
                                            ::coro_core::__private::set_state(
                                                __coro_state,
                                                scaled::Done,
                                            );
                                            return ::core::result::Result::Ok(
                                                ::coro_core::__private::GeneratorState::Complete(
                                                    __coro_ret,
                                                ),
                                            );
                                        }
                                    }
                                });
                            __coro_awaiting
                                .as_mut()
                                .first()
                                .set(::coro_core::Awaiting::Right(
                                    ::coro_core::StreamOperand::into_stream(numbers(n)),
                                ));
                            {
                                #[allow(clippy::used_underscore_binding)]
                                if let scaled::Block4 {
                                    __coro_l2_factor: __coro_tie0,
                                } = &*__coro_state
                                {
                                    let _ = [__coro_tie0, &factor];
                                }
                                {
                                    __coro_current = scaled::Yield1 {
                                        __coro_l2_factor: factor,
                                    };
                                    continue '__coro_dispatch;
                                }
                            }
                        }
                        scaled::Block4 {
                            __coro_l2_factor: factor,
                        } => {
                            let __coro_awaited4 = match ::coro_core::__private::Stream::poll_next(
                                __coro_awaiting.as_mut().first().right(),
                                __coro_cx,
                            ) {
                                ::core::task::Poll::Ready(__coro_output) => __coro_output,
                                ::core::task::Poll::Pending => {
                                    ::coro_core::__private::set_state(
                                        __coro_state,
                                        scaled::Yield1 {
                                            __coro_l2_factor: factor,
                                        },
                                    );
                                    return ::core::result::Result::Err(
                                        ::coro_core::__private::Refusal::Pending,
                                    );
                                }
                            };
                            match __coro_awaited4 {
                                ::core::option::Option::Some(__coro_item) => {
                                    #[allow(unreachable_code)]
                                    {
                                        let __coro_l6___coro_v5 = __coro_item;
                                        __coro_current = scaled::Block6 {
                                            __coro_l6___coro_v5: __coro_l6___coro_v5,
                                            __coro_l2_factor: factor,
                                        };
                                        continue '__coro_dispatch;
                                    };
                                }
                                ::core::option::Option::None => {
                                    {
                                        let _ = ();
                                        __coro_current = scaled::Block3 {};
                                        continue '__coro_dispatch;
                                    };
                                }
                            }
                        }
                        scaled::Yield1 {
                            __coro_l2_factor: factor,
                        } => {
                            let __coro_awaited4 = match ::coro_core::__private::Stream::poll_next(
                                __coro_awaiting.as_mut().first().right(),
                                __coro_cx,
                            ) {
                                ::core::task::Poll::Ready(__coro_output) => __coro_output,
                                ::core::task::Poll::Pending => {
                                    ::coro_core::__private::set_state(
                                        __coro_state,
                                        scaled::Yield1 {
                                            __coro_l2_factor: factor,
                                        },
                                    );
                                    return ::core::result::Result::Err(
                                        ::coro_core::__private::Refusal::Pending,
                                    );
                                }
                            };
                            match __coro_awaited4 {
                                ::core::option::Option::Some(__coro_item) => {
                                    #[allow(unreachable_code)]
                                    {
                                        let __coro_l6___coro_v5 = __coro_item;
                                        __coro_current = scaled::Block6 {
                                            __coro_l6___coro_v5: __coro_l6___coro_v5,
                                            __coro_l2_factor: factor,
                                        };
                                        continue '__coro_dispatch;
                                    };
                                }
                                ::core::option::Option::None => {
                                    {
                                        let _ = ();
                                        __coro_current = scaled::Block3 {};
                                        continue '__coro_dispatch;
                                    };
                                }
                            }
                        }
                        scaled::Block6 {
                            __coro_l2_factor: factor,
                            #[allow(unused_mut)]
                                __coro_l6___coro_v5: mut __coro_v5,
                        } => {
                            let x = __coro_v5;
                            __coro_awaiting
                                .as_mut()
                                .rest()
                                .set(::coro_core::Awaiting::Left(
                                    ::core::future::IntoFuture::into_future(scale(x, factor)),
                                ));
                            {
                                let __coro_awaited7 = match ::core::future::Future::poll(
                                    __coro_awaiting.as_mut().rest().left(),
                                    __coro_cx,
                                ) {
                                    ::core::task::Poll::Ready(__coro_output) => {
                                        __coro_awaiting
                                            .as_mut()
                                            .rest()
                                            .set(::coro_core::Awaiting::None);
                                        __coro_output
                                    }
                                    ::core::task::Poll::Pending => {
                                        ::coro_core::__private::set_state(
                                            __coro_state,
                                            scaled::Yield2 {
                                                __coro_l2_factor: factor,
                                            },
                                        );
                                        return ::core::result::Result::Err(
                                            ::coro_core::__private::Refusal::Pending,
                                        );
                                    }
                                };
                                let y = __coro_awaited7;
                                {
                                    let __coro_yielded: Result<u64, Error> =
                                        ::core::result::Result::Ok(y);
                                    ::coro_core::__private::set_state(
                                        __coro_state,
                                        scaled::Yield3 {
                                            __coro_l2_factor: factor,
                                        },
                                    );
                                    return ::core::result::Result::Ok(
                                        ::coro_core::__private::GeneratorState::Yielded(
                                            __coro_yielded,
                                        ),
                                    );
                                }
                            }
                        }
                        scaled::Yield2 {
                            __coro_l2_factor: factor,
                        } => {
                            let __coro_awaited7 = match ::core::future::Future::poll(
                                __coro_awaiting.as_mut().rest().left(),
                                __coro_cx,
                            ) {
                                ::core::task::Poll::Ready(__coro_output) => {
                                    __coro_awaiting
                                        .as_mut()
                                        .rest()
                                        .set(::coro_core::Awaiting::None);
                                    __coro_output
                                }
                                ::core::task::Poll::Pending => {
                                    ::coro_core::__private::set_state(
                                        __coro_state,
                                        scaled::Yield2 {
                                            __coro_l2_factor: factor,
                                        },
                                    );
                                    return ::core::result::Result::Err(
                                        ::coro_core::__private::Refusal::Pending,
                                    );
                                }
                            };
                            let y = __coro_awaited7;
                            {
                                let __coro_yielded: Result<u64, Error> =
                                    ::core::result::Result::Ok(y);
                                ::coro_core::__private::set_state(
                                    __coro_state,
                                    scaled::Yield3 {
                                        __coro_l2_factor: factor,
                                    },
                                );
                                return ::core::result::Result::Ok(
                                    ::coro_core::__private::GeneratorState::Yielded(__coro_yielded),
                                );
                            }
                        }
                        scaled::Yield3 {
                            __coro_l2_factor: factor,
                        } => {
                            __coro_current = scaled::Yield1 {
                                __coro_l2_factor: factor,
                            };
                            continue '__coro_dispatch;
                        }
                        scaled::Block3 {} => {
                            __coro_awaiting
                                .as_mut()
                                .first()
                                .set(::coro_core::Awaiting::None);
                            {
                                {
                                    let __coro_ret: Result<(), Error> = Ok(());
                                    #[allow(unreachable_code)]
                                    {
                                        ::coro_core::__private::Parked::clear(
                                            __coro_awaiting.as_mut(),
                                        );
                                        ::coro_core::__private::set_state(
                                            __coro_state,
                                            scaled::Done,
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
                        scaled::Done => {
                            ::coro_core::__private::set_state(__coro_state, scaled::Done);
                            return ::core::result::Result::Err(
                                ::coro_core::__private::Refusal::Completed,
                            );
                        }
                        scaled::Poisoned => {
                            ::coro_core::__private::set_state(__coro_state, scaled::Poisoned);
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
}
