import { lazy, StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter, Navigate, Route, Routes } from 'react-router'
import { LanguageProvider } from './i18n/language.tsx'
import { Loading } from './ui/loading.tsx'
import './app.css'

// Each area is its own chunk: a subject opening the portal downloads none of the console.
const Console = lazy(() => import('./console/console-app.tsx'))
const Portal = lazy(() => import('./portal/portal-app.tsx'))

function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/console/*" element={<Console />} />
          <Route path="/portal/:operatorId/*" element={<Portal />} />
          <Route path="*" element={<Navigate to="/console/" replace />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider>
      <App />
    </LanguageProvider>
  </StrictMode>,
)
